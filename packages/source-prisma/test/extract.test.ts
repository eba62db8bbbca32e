/**
 * Real schemas through Prisma's own parser: the fixtures (both Prisma eras, every kind of field,
 * key and relation) and every schema of the shared corpus, checked against counts read
 * independently from the schema text.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { docgenFailure, sharedFile } from '@docgen/test-support';
import source, {
  extractPrisma,
  formatDefault,
  renderPrisma,
  schemaFiles,
  withoutConnectionUrls,
} from '@docgen/source-prisma';
import { createTemplateRenderer, type Diagnostic } from '@docgen/core';
import { withoutDirectives } from '../src/extract.js';
import { modelBlocks, readModel, type UnreadLine } from '../src/text.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
/** A schema written to a file of its own, through extractPrisma. */
const extractOf = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'docgen-prisma-')), 'schema.prisma');
  writeFileSync(file, text);
  return extractPrisma(file);
};

describe('extractPrisma', () => {
  it('reads models, fields, defaults, keys, indexes, enums and relations (a Prisma 6 schema with url)', async () => {
    const model = await extractPrisma(join(fixtures, 'blog.prisma'));
    expect(model.provider).toBe('postgresql');
    expect(model.models.map((item) => item.name)).toEqual(['User', 'Profile', 'Post', 'Tag', 'Follow']);
    const user = model.models.find((item) => item.name === 'User')!;
    expect(user).toMatchObject({
      dbName: 'users',
      documentation: 'Someone who writes. Authors sign in with their e-mail.',
    });
    expect(user.defined).toEqual({ file: join(fixtures, 'blog.prisma'), line: 13 });
    const field = (model_: string, name: string) =>
      model.models.find((item) => item.name === model_)!.fields.find((item) => item.name === name)!;
    expect(field('User', 'id')).toMatchObject({ isId: true, default: 'cuid()', type: 'String' });
    expect(field('User', 'email')).toMatchObject({ isUnique: true, isRequired: true });
    expect(field('User', 'name')).toMatchObject({ isRequired: false, documentation: 'Shown on posts.' });
    expect(field('User', 'role')).toMatchObject({ kind: 'enum', default: 'READER' });
    expect(field('User', 'updatedAt').isUpdatedAt).toBe(true);
    expect(field('Profile', 'userId')).toMatchObject({ dbName: 'user_id', isId: true });
    expect(field('Profile', 'bio').nativeType).toBe('@db.VarChar(280)');
    expect(field('Post', 'id').default).toBe('autoincrement()');
    expect(field('Post', 'scores')).toMatchObject({ isList: true, default: '[]' });
    expect(field('Post', 'uuid').default).toBe('dbgenerated("gen_random_uuid()")');
    expect(model.models.find((item) => item.name === 'Post')!.indexes).toEqual([
      { kind: 'index', fields: ['title'], name: undefined },
      { kind: 'unique', fields: ['authorId', 'slug'], name: 'one_slug_per_author' },
    ]);
    expect(model.models.find((item) => item.name === 'Follow')!.primaryKey).toEqual(['followerId', 'followeeId']);
    expect(model.enums).toEqual([
      expect.objectContaining({
        name: 'Role',
        values: [{ name: 'READER' }, { name: 'AUTHOR', dbName: 'writer' }, { name: 'ADMIN' }],
      }),
    ]);
    expect(
      model.relations.map(({ from, fromField, cardinality, to, toField, onDelete }) => [
        from,
        fromField,
        cardinality,
        to,
        toField,
        onDelete,
      ]),
    ).toEqual([
      ['Profile', 'user', '1:1', 'User', 'profile', 'Cascade'],
      // not written: Prisma's default for a required foreign key
      ['Post', 'author', 'n:1', 'User', 'posts', 'Restrict'],
      // an implicit m-n's join table cascades: deleting a post deletes its links to tags
      ['Post', 'tags', 'm:n', 'Tag', 'posts', 'Cascade'],
    ]);
    expect(model.relations.map((relation) => relation.onDeleteDefault)).toEqual([undefined, true, true]);
  });

  it('a block comment (`/** … */`, as papermark writes them) is documentation without its stars; a `///` list keeps them', async () => {
    const model = await extractOf(
      [
        'datasource db {\n  provider = "postgresql"\n}',
        '/**\n * Someone who signs in.\n * Invited by a team.\n */',
        'model User {',
        '  id Int @id',
        '  /**',
        "   * Whose cap this invite counts against: the fund's team, or the",
        '   * sender alone.',
        '   */',
        '  scopeId String',
        '  /** The address the invite went to. */',
        '  email String',
        '  /* a plain block comment */',
        '  name String',
        '  /// * paid',
        '  /// * free',
        '  plan String',
        '}',
      ].join('\n'),
    );
    const user = model.models[0]!;
    expect(user.documentation).toBe('Someone who signs in.\nInvited by a team.');
    expect(Object.fromEntries(user.fields.map((field) => [field.name, field.documentation]))).toEqual({
      id: undefined,
      scopeId: "Whose cap this invite counts against: the fund's team, or the\nsender alone.",
      email: 'The address the invite went to.',
      name: 'a plain block comment',
      plan: '* paid\n* free',
    });
  });

  it("names Prisma's default on-delete action where the schema writes none (SetNull for an optional key, NoAction on SQL Server)", async () => {
    const schema = (provider: string) =>
      [
        `datasource db {\n  provider = "${provider}"\n}`,
        'model User {\n  id Int @id\n  posts Post[]\n  drafts Draft[]\n}',
        'model Post {\n  id Int @id\n  authorId Int\n  author User @relation(fields: [authorId], references: [id])\n}',
        'model Draft {\n  id Int @id\n  ownerId Int?\n  owner User? @relation(fields: [ownerId], references: [id])\n}',
      ].join('\n');
    const actions = async (provider: string) =>
      (await extractOf(schema(provider))).relations.map(({ from, onDelete }) => [from, onDelete]);
    expect(await actions('postgresql')).toEqual([
      ['Post', 'Restrict'],
      ['Draft', 'SetNull'],
    ]);
    expect(await actions('sqlserver')).toEqual([
      ['Post', 'NoAction'],
      ['Draft', 'SetNull'],
    ]);
    // Prisma Client's own relations have Restrict on SQL Server too
    expect(await actions('sqlserver"\n  relationMode = "prisma')).toEqual([
      ['Post', 'Restrict'],
      ['Draft', 'SetNull'],
    ]);
  });

  it('writes defaults the way the schema does', () => {
    expect(formatDefault({ name: 'now', args: [] })).toBe('now()');
    expect(formatDefault('draft')).toBe('"draft"');
    expect(formatDefault('ADMIN', 'enum')).toBe('ADMIN');
    expect(formatDefault([1, 2])).toBe('[1, 2]');
    expect(formatDefault(false)).toBe('false');
    expect(formatDefault({ name: 'cuid', args: [1] })).toBe('cuid()');
    expect(formatDefault({ name: 'uuid', args: [7] })).toBe('uuid(7)');
  });

  it("a CockroachDB sequence's options stay in its default: Prisma's parser drops named arguments", async () => {
    const model = await extractOf(
      [
        'datasource db {\n  provider = "cockroachdb"\n}',
        'model Ticket {',
        '  id     BigInt @id @default(sequence(maxValue: 4294967295, start: 1000))',
        '  serial BigInt @default(sequence())',
        '}',
      ].join('\n'),
    );
    expect(model.models[0]!.fields.map((field) => field.default)).toEqual([
      'sequence(maxValue: 4294967295, start: 1000)',
      'sequence()',
    ]);
  });

  it("a Decimal default is the schema's, digit for digit: Prisma's parser gives it as a float", async () => {
    // Prisma's get_datamodel reports `@default("12345678901234567890.123")` as 1.2345678901234567e19.
    const model = await extractOf(
      [
        'datasource db {\n  provider = "postgresql"\n}',
        'model Ledger {',
        '  id      Int     @id',
        '  balance Decimal @default("12345678901234567890.123") @db.Decimal(30, 3)',
        '  fee     Decimal @default(0.50) @db.Decimal(10, 2)',
        '  rate    Decimal @default(dbgenerated("0.1")) @db.Decimal(5, 4)',
        '}',
        'model Archive {',
        '  balance Decimal @default("1.50")',
        '  @@ignore',
        '}',
      ].join('\n'),
    );
    expect(model.models.map((item) => item.fields.map((field) => field.default))).toEqual([
      [undefined, '12345678901234567890.123', '0.50', 'dbgenerated("0.1")'],
      ['1.50'],
    ]);
  });

  it("a DateTime default is the instant the schema writes, not Prisma's rewriting of it", async () => {
    // Prisma's get_datamodel gives `"2020-01-01T00:00:00.000Z"` as "2020-01-01T00:00:00+00:00".
    const model = await extractOf(
      [
        'datasource db {\n  provider = "postgresql"\n}',
        'model Subscription {',
        '  id        Int        @id @default(autoincrement())',
        '  startsAt  DateTime   @default("2020-01-01T00:00:00Z")',
        '  trialEnds DateTime   @default("1970-01-01T00:00:00.000Z") @db.Timestamptz(3)',
        '  renewals  DateTime[] @default(["2024-06-30T12:30:00Z"])',
        '  createdAt DateTime   @default(now())',
        '}',
      ].join('\n'),
    );
    expect(model.models[0]!.fields.map((field) => field.default)).toEqual([
      'autoincrement()',
      '"2020-01-01T00:00:00Z"',
      '"1970-01-01T00:00:00.000Z"',
      '["2024-06-30T12:30:00Z"]',
      'now()',
    ]);
  });

  it('blanks connection URLs in datasource blocks only, keeping every line where it was', () => {
    const text = readFileSync(join(fixtures, 'blog.prisma'), 'utf8');
    const cleaned = withoutConnectionUrls(text);
    expect(cleaned.split('\n').length).toBe(text.split('\n').length);
    expect(cleaned).not.toMatch(/url\s*=/i);
    expect(withoutConnectionUrls('model A {\n  url String @id\n}')).toBe('model A {\n  url String @id\n}');
  });

  it("an invalid schema: file, line and Prisma's reason, with the count of the others", async () => {
    const error = await docgenFailure(extractPrisma(join(fixtures, 'invalid.prisma')));
    expect(error.code).toBe('DG_PRISMA_INVALID');
    expect(error.location).toEqual({ file: join(fixtures, 'invalid.prisma'), line: 7 });
    expect(error.message).toMatch(/^invalid Prisma schema: .*Strin.* \(and 1 more error\)$/);
    expect(error.excerpt).toContain('invalid.prisma:15');
    expect(error.hint).toContain('prisma validate');
    // whose rules: a project on an older Prisma may validate what today's parser rejects
    expect(error.hint).toMatch(/with Prisma \d+\.\d+ reports/);
  });

  it("an invalid schema's errors are listed, and located, in line order (Prisma reports them in its own)", async () => {
    // A Prisma 2 era m-n with `references` on each side (unlight/nestjs-graphql-prisma-realworld-example-app):
    // Prisma reports the second field's error first.
    const dir = mkdtempSync(join(tmpdir(), 'docgen-prisma-'));
    const file = join(dir, 'schema.prisma');
    writeFileSync(
      file,
      [
        'datasource db {',
        '  provider = "sqlite"',
        '}',
        'model User {',
        '  id        String @id',
        '  following User[] @relation("UserFollows", references: [id])',
        '  followers User[] @relation("UserFollows", references: [id])',
        '}',
      ].join('\n'),
    );
    const error = await docgenFailure(extractPrisma(file));
    expect(error.location).toEqual({ file, line: 6 });
    expect(error.excerpt!.split('\n').map((line) => /:(\d+):/.exec(line)![1])).toEqual(['6', '7']);
  });

  it('a missing schema or an empty folder says what to point at', async () => {
    const missing = await docgenFailure(
      extractPrisma(join(fixtures, 'nope.prisma'), { location: { file: 'docgen.config.yaml' } }),
    );
    expect(missing).toMatchObject({ code: 'DG_PRISMA_NOT_FOUND', location: { file: 'docgen.config.yaml' } });
    const empty = await docgenFailure(extractPrisma(join(fixtures, '..', '..', 'src')));
    expect(empty.message).toMatch(/^no \.prisma files in /);
  });

  it('a folder holding the client a generator writes into it (`output = "./generated/law"`) is read without the client\'s copy of the schema', async () => {
    // @danielcok17/prisma-db's prisma/law.prisma writes its client to prisma/generated/law, and
    // prisma-client-js copies the schema there: read with it, every block was declared twice.
    const dir = mkdtempSync(join(tmpdir(), 'docgen-prisma-'));
    const schema = [
      'generator client {',
      '  provider = "prisma-client-js"',
      '  output   = "./generated/law"',
      '}',
      'datasource db {',
      '  provider = "postgresql"',
      '}',
      'model Law {',
      '  id Int @id',
      '}',
    ].join('\n');
    writeFileSync(join(dir, 'schema.prisma'), schema);
    mkdirSync(join(dir, 'generated', 'law'), { recursive: true });
    writeFileSync(join(dir, 'generated', 'law', 'schema.prisma'), schema);
    mkdirSync(join(dir, 'node_modules', '.prisma', 'client'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', '.prisma', 'client', 'schema.prisma'), schema);
    expect(schemaFiles(dir)).toEqual([join(dir, 'schema.prisma')]);
    expect((await extractPrisma(dir)).models.map((model) => model.name)).toEqual(['Law']);
  });

  it("an app's folder is read past a dangling link and without walking its dependencies' or hidden folders", async () => {
    // pnpm and editors leave links whose target is gone; a `.prisma` one stopped the folder's read
    // with ENOENT. A folder under node_modules that is no folder to read (a link loop, a mount the
    // run may not list) is never listed: dependencies hold no schema source.
    const app = mkdtempSync(join(tmpdir(), 'docgen-prisma-'));
    writeFileSync(
      join(app, 'schema.prisma'),
      'datasource db {\n  provider = "sqlite"\n}\nmodel Note {\n  id Int @id\n}\n',
    );
    symlinkSync(join(app, 'gone.prisma'), join(app, 'old.prisma'));
    mkdirSync(join(app, 'node_modules', 'loop'), { recursive: true });
    symlinkSync(join(app, 'node_modules'), join(app, 'node_modules', 'loop', 'again'));
    mkdirSync(join(app, '.git', 'objects'), { recursive: true });
    writeFileSync(join(app, '.git', 'objects', 'stash.prisma'), 'model Stale {\n  id Int @id\n}\n');
    expect(schemaFiles(app)).toEqual([join(app, 'schema.prisma')]);
    expect((await extractPrisma(app)).models.map((model) => model.name)).toEqual(['Note']);
  });

  it("an app's folder is read without the build's copies of its schema (dist/, build/, a client's folder); such a file given itself is read", async () => {
    // A Nest app whose build copies the generated client, schema and all, into dist/ (`assets`), and
    // an older client left in src/prisma-client by a generator whose output has moved since.
    const app = mkdtempSync(join(tmpdir(), 'docgen-prisma-'));
    const schema = [
      'generator client {',
      '  provider = "prisma-client-js"',
      '  output   = "../src/generated/prisma"',
      '}',
      'datasource db {',
      '  provider = "postgresql"',
      '}',
      'model User {',
      '  id    Int    @id @default(autoincrement())',
      '  email String @unique',
      '}',
    ].join('\n');
    const write = (path: string, text = schema) => {
      mkdirSync(dirname(join(app, path)), { recursive: true });
      writeFileSync(join(app, path), text);
    };
    write('prisma/schema.prisma');
    write('src/generated/prisma/schema.prisma');
    write('dist/src/generated/prisma/schema.prisma');
    write('build/generated/prisma/schema.prisma');
    write('out/prisma/schema.prisma');
    write('src/prisma-client/schema.prisma');
    write('src/prisma-client/index.d.ts', "export * from './runtime/library';\n");
    expect(schemaFiles(app)).toEqual([join(app, 'prisma', 'schema.prisma')]);
    expect((await extractPrisma(app)).models.map((model) => model.name)).toEqual(['User']);
    // Given itself, a copy is read: the user chose it.
    const copy = join(app, 'dist', 'src', 'generated', 'prisma', 'schema.prisma');
    expect(schemaFiles(copy)).toEqual([copy]);
    // The build folder given itself is read: the user chose it.
    expect(schemaFiles(join(app, 'dist'))).toEqual([copy]);
    // A folder holding only copies says which, and how to read one.
    const built = mkdtempSync(join(tmpdir(), 'docgen-prisma-'));
    mkdirSync(join(built, 'dist', 'prisma'), { recursive: true });
    writeFileSync(join(built, 'dist', 'prisma', 'schema.prisma'), schema);
    const none = await docgenFailure(extractPrisma(built));
    expect(none.message).toMatch(/^no \.prisma files in /);
    expect(none.hint).toContain(
      `${join('dist', 'prisma', 'schema.prisma')} is a copy of the schema a build or Prisma Client made, left out: to read it, `,
    );
  });

  it('a Prisma 1 datamodel (GraphQL types) is one error naming it and how to upgrade, not a report of every field', async () => {
    // prisma-examples' go/cli-app/prisma/datamodel.prisma: Prisma 1's GraphQL SDL.
    const error = await docgenFailure(
      extractOf(['', 'type Todo {', '  id: ID! @unique', '  createdAt: DateTime!', '  tags: [Tag!]!', '}'].join('\n')),
    );
    expect(error).toMatchObject({ code: 'DG_PRISMA_NOT_A_SCHEMA', location: { line: 2 } });
    expect(error.message).toMatch(/Prisma 1 datamodel/);
    expect(error.hint).toMatch(/prisma-upgrade/);
    // A MongoDB composite type is Prisma's own `type` block: no colons, read as a schema.
    const mongo = await extractOf(
      [
        'datasource db {\n  provider = "mongodb"\n}',
        'type Address {\n  street String\n}',
        'model User {\n  id String @id @map("_id") @db.ObjectId\n  address Address\n}',
      ].join('\n'),
    );
    expect(mongo.models.map((item) => item.name)).toEqual(['User', 'Address']);
  });

  it('a file that is not a Prisma schema (an OpenAPI spec, a YAML file) is one error naming it and what to pass', async () => {
    // Written here rather than taken from ../shared, so the test runs in a user's clone too.
    const specs = mkdtempSync(join(tmpdir(), 'docgen-prisma-'));
    writeFileSync(join(specs, 'openapi.yaml'), 'openapi: 3.0.3\ninfo: { title: Pets, version: 1.0.0 }\npaths: {}\n');
    writeFileSync(
      join(specs, 'swagger.json'),
      JSON.stringify({ swagger: '2.0', info: { title: 'Pets', version: '1' }, paths: {} }),
    );
    for (const spec of [join(specs, 'openapi.yaml'), join(specs, 'swagger.json')]) {
      const error = await docgenFailure(extractPrisma(spec, { location: { file: 'docgen.config.yaml' } }));
      expect(error).toMatchObject({ code: 'DG_PRISMA_NOT_A_SCHEMA', location: { file: spec } });
      expect(error.message).toMatch(/OpenAPI/);
      expect(error.hint).toMatch(/schema\.prisma/);
      expect(error.excerpt).toBeUndefined();
    }
    const yaml = join(mkdtempSync(join(tmpdir(), 'docgen-prisma-')), 'schema.yaml');
    writeFileSync(yaml, 'tables:\n  - name: users\n    columns: [id, email]\n');
    const error = await docgenFailure(extractPrisma(yaml));
    expect(error).toMatchObject({ code: 'DG_PRISMA_NOT_A_SCHEMA', location: { file: yaml } });
    expect(error.message).toMatch(/YAML/);
  });

  it("a Prisma Next contract is one error saying what it is and what to pass, Prisma's errors below it", async () => {
    // The shapes of prisma/prisma-next's examples: a namespace block and type aliases
    // (examples/supabase/src/contract.prisma), `@relation(from:, to:)` and `@@base`
    // (examples/mongo-demo/src/contract.prisma), and a `// use prisma-next` header over a model
    // Prisma ORM reads but for its list field without a datasource (apps/telemetry-backend).
    const namespaced = await docgenFailure(
      extractOf(
        [
          'types {',
          '  Uuid = String @db.Uuid',
          '}',
          '',
          'namespace public {',
          '  model Profile {',
          '    id Uuid @id',
          '  }',
          '}',
        ].join('\n'),
      ),
    );
    // The most telling sign: the namespace block, though the type aliases come first.
    expect(namespaced).toMatchObject({ code: 'DG_PRISMA_NOT_A_SCHEMA', location: { line: 5 } });
    expect(namespaced.message).toMatch(
      /^schema\.prisma is a Prisma Next contract, not a Prisma ORM schema: a `namespace` block/,
    );
    expect(namespaced.hint).toMatch(/schema\.prisma/);
    // Prisma's own words stay, in the schema's order.
    expect(namespaced.excerpt).toMatch(/^Prisma ORM's parser reports:\nschema\.prisma:2: /);
    const relation = await docgenFailure(
      extractOf(
        [
          'model User {',
          '  id    String @id',
          '  posts Post[]',
          '}',
          'model Post {',
          '  id       String @id',
          '  authorId String',
          '  author   User   @relation(from: [authorId], to: [id])',
          '}',
        ].join('\n'),
      ),
    );
    expect(relation).toMatchObject({ code: 'DG_PRISMA_NOT_A_SCHEMA', location: { line: 8 } });
    expect(relation.message).toMatch(/@relation\(from: …, to: …\)/);
    const header = await docgenFailure(
      extractOf('// use prisma-next\n\nmodel Event {\n  id   Int      @id\n  tags String[]\n}\n'),
    );
    expect(header).toMatchObject({ code: 'DG_PRISMA_NOT_A_SCHEMA', location: { line: 1 } });
    expect(header.excerpt).toMatch(/can't be a list/);
    // prisma/prisma-examples' compute/hono/src/prisma/contract.prisma: Prisma ORM's language but for
    // a field typed by a call to a preset, `temporal.updatedAt()`.
    const preset = await docgenFailure(
      extractOf(
        [
          'model User {',
          '  id        Int      @id @default(autoincrement())',
          '  email     String   @unique',
          '  createdAt DateTime @default(now())',
          '  updatedAt temporal.updatedAt()',
          '}',
        ].join('\n'),
      ),
    );
    expect(preset).toMatchObject({ code: 'DG_PRISMA_NOT_A_SCHEMA', location: { line: 5 } });
    expect(preset.message).toMatch(/a field typed by a call to a preset \(`temporal\.updatedAt\(\)`\)/);
  });

  it('a ZenStack ZModel is one error saying what it is and where ZenStack writes the Prisma schema', async () => {
    // The shape of ZenStack 2 schemas (schema.zmodel): a prisma plugin naming its output, an
    // abstract base model, access policies.
    const file = join(mkdtempSync(join(tmpdir(), 'docgen-prisma-')), 'schema.zmodel');
    writeFileSync(
      file,
      [
        'datasource db {',
        "  provider = 'postgresql'",
        '}',
        'plugin prisma {',
        "  provider = '@core/prisma'",
        "  output = './generated/schema.prisma'",
        '}',
        'abstract model Base {',
        '  id String @id',
        '}',
        'model Post extends Base {',
        '  title String',
        "  @@allow('read', true)",
        '}',
      ].join('\n'),
    );
    const error = await docgenFailure(extractPrisma(file));
    // The most telling sign, not the first line that has one (a single-quoted string).
    expect(error).toMatchObject({ code: 'DG_PRISMA_NOT_A_SCHEMA', location: { file, line: 13 } });
    expect(error.message).toMatch(
      /^schema\.zmodel is a ZenStack schema \(ZModel\), not a Prisma ORM schema: an access policy/,
    );
    expect(error.hint).toContain('npx zenstack generate');
    expect(error.hint).toContain('`./generated/schema.prisma`, as its prisma plugin says');
    expect(error.excerpt).toMatch(/^Prisma ORM's parser reports:\n/);
    // A ZModel of Prisma's language alone, with a typo: Prisma's error is the story.
    const plain = join(mkdtempSync(join(tmpdir(), 'docgen-prisma-')), 'schema.zmodel');
    writeFileSync(plain, 'datasource db {\n  provider = "sqlite"\n}\nmodel A {\n  id Strin @id\n}\n');
    expect(await docgenFailure(extractPrisma(plain))).toMatchObject({
      code: 'DG_PRISMA_INVALID',
      location: { line: 5 },
    });
  });

  it('a Prisma ORM schema with the words of Prisma Next in comments is read as it is', async () => {
    const model = await extractOf(
      '// Not yet: use prisma-next\ndatasource db {\n  provider = "sqlite"\n}\nmodel Event {\n  id Int @id\n}\n',
    );
    expect(model.models.map((item) => item.name)).toEqual(['Event']);
    // A sign of Prisma Next does not hide Prisma's error when the schema is not a contract's.
    const error = await docgenFailure(
      extractOf('datasource db {\n  provider = "sqlite"\n}\nmodel A {\n  id Strin @id\n}\n'),
    );
    expect(error.code).toBe('DG_PRISMA_INVALID');
  });

  it('relations whose cascades reach a table along two paths (SQL Server) are named, with the @relation to write', async () => {
    // A Prisma 2 era SQL Server schema: a comment belongs to a post and to its author, both
    // required, so deleting a user cascades to comments twice; Prisma 4 and later refuse it.
    const error = await docgenFailure(
      extractOf(
        [
          'datasource db {',
          '  provider = "sqlserver"',
          '}',
          'model User {',
          '  id       Int       @id',
          '  posts    Post[]',
          '  comments Comment[]',
          '}',
          'model Post {',
          '  id       Int       @id',
          '  authorId Int',
          '  author   User      @relation(fields: [authorId], references: [id], onDelete: Cascade)',
          '  comments Comment[]',
          '}',
          'model Comment {',
          '  id       Int  @id',
          '  postId   Int',
          '  post     Post @relation(fields: [postId], references: [id], map: "fk_post")',
          '  authorId Int',
          '  author   User @relation(fields: [authorId], references: [id])',
          '}',
        ].join('\n'),
      ),
    );
    expect(error).toMatchObject({ code: 'DG_PRISMA_INVALID', location: { line: 18 } });
    // Prisma's message is kept whole.
    expect(error.message).toMatch(/cascade to model `Comment` through multiple paths/);
    expect(error.excerpt).toMatch(/schema\.prisma:20: /);
    expect(error.hint).toContain(
      '`Comment.post` (schema.prisma:18): `@relation(fields: [postId], references: [id], map: "fk_post", onDelete: NoAction, onUpdate: NoAction)`',
    );
    expect(error.hint).toContain('`Comment.author` (schema.prisma:20)');
    expect(error.hint).toMatch(/SQL Server/);
    expect(error.hint).toMatch(/prisma validate/);
  });

  it('a self-relation on SQL Server: the relation field and its @relation without cascades', async () => {
    const error = await docgenFailure(
      extractOf(
        [
          'datasource db {',
          '  provider = "sqlserver"',
          '}',
          'model Employee {',
          '  id        Int        @id',
          '  managerId Int?',
          '  manager   Employee?  @relation("reports", fields: [managerId], references: [id], onUpdate: Cascade)',
          '  reports   Employee[] @relation("reports")',
          '}',
        ].join('\n'),
      ),
    );
    expect(error.location?.line).toBe(7);
    expect(error.hint).toContain(
      '`Employee.manager` (schema.prisma:7): `@relation("reports", fields: [managerId], references: [id], onDelete: NoAction, onUpdate: NoAction)`',
    );
  });

  it("early Prisma 2's list of providers: Prisma's error, and the one line to write instead", async () => {
    const error = await docgenFailure(
      extractOf(
        [
          'datasource db {',
          '  provider = ["postgresql", "sqlite"]',
          '}',
          'model User {',
          '  id String @id @default(cuid())',
          '}',
        ].join('\n'),
      ),
    );
    expect(error).toMatchObject({ code: 'DG_PRISMA_INVALID', location: { line: 2 } });
    expect(error.message).toMatch(/must be a string literal/);
    expect(error.hint).toContain('write the one the database uses, `provider = "postgresql"`');
  });

  it('a misspelt attribute: Prisma\'s "Attribute not known", and the attribute it is closest to', async () => {
    // A column's spelling for @updatedAt (a spec's schema wrote `@updated_at`), and a block attribute
    // Prisma reports with one `@` (`@@Index` is "Attribute not known: \"@Index\"").
    const error = await docgenFailure(
      extractOf(
        [
          'datasource db {',
          '  provider = "postgresql"',
          '}',
          'model UserProfile {',
          '  id         String   @id',
          '  code       String',
          '  updated_at DateTime @default(now()) @updated_at',
          '  @@Index([code])',
          '  @@fancy([code])',
          '}',
        ].join('\n'),
      ),
    );
    expect(error).toMatchObject({ code: 'DG_PRISMA_INVALID', location: { line: 7 } });
    expect(error.message).toContain('Attribute not known: "@updated_at"');
    expect(error.hint).toContain(
      "`@updated_at` (schema.prisma:7) is no attribute of Prisma's: write `@updatedAt`; `@@Index` (schema.prisma:8) is no attribute of Prisma's: write `@@index`.",
    );
    expect(error.hint).not.toContain('@@fancy'); // nothing near it: Prisma's words are the whole story
  });

  it('a type declared nowhere: the type it is closest to, or that it must be declared, with each line it is on', async () => {
    // A schema copied from a design document used an enum it never declared (`PlaceStatus`), SQL's
    // and a misspelt name for Prisma's types (`Integer`, `Strin`), and names in the wrong case.
    const error = await docgenFailure(
      extractOf(
        [
          'datasource db {',
          '  provider = "postgresql"',
          '}',
          'model Place {',
          '  id        Integer     @id',
          '  status    PlaceStatus',
          '  createdAt Datetime',
          '  owner     user        @relation(fields: [ownerId], references: [id])',
          '  ownerId   Strin',
          '}',
          'model User {',
          '  id     String      @id',
          '  status PlaceStatus',
          '  places Place[]',
          '}',
        ].join('\n'),
      ),
    );
    expect(error).toMatchObject({ code: 'DG_PRISMA_INVALID', location: { line: 5 } });
    expect(error.message).toContain('Type "Integer" is neither a built-in type');
    expect(error.hint).toContain("`Integer` (schema.prisma:5) is no type of Prisma's or of this schema: write `Int`");
    expect(error.hint).toContain("`Strin` (schema.prisma:9) is no type of Prisma's or of this schema: write `String`");
    // Prisma says it itself for a type in the wrong case (`Datetime`, `user`): not said twice.
    expect(error.excerpt).toContain(
      'Type "Datetime" is neither a built-in type, nor refers to another model, composite type, or enum. Did you mean "DateTime"?',
    );
    expect(error.hint).not.toMatch(/`Datetime`|`user`/);
    expect(error.hint).toContain(
      '`PlaceStatus` (schema.prisma:6, schema.prisma:13) is declared nowhere in the schema: declare a model, enum or composite type `PlaceStatus`',
    );
  });

  it("an enum default that is not one of the enum's values: the enum's values, and the one it is closest to", async () => {
    // A schema written from a Mongoose model: the enum's values are lower case, the defaults upper case.
    const error = await docgenFailure(
      extractOf(
        [
          'datasource db {',
          '  provider = "mongodb"',
          '}',
          'model Booking {',
          '  id     String        @id @map("_id") @db.ObjectId',
          '  status PaymentStatus @default(PENDING)',
          '  kind   Kind          @default(other)',
          '}',
          'enum PaymentStatus {',
          '  pending // not paid yet',
          '  success',
          '  failed',
          '}',
          'enum Kind {',
          '  single',
          '  group',
          '}',
        ].join('\n'),
      ),
    );
    expect(error).toMatchObject({ code: 'DG_PRISMA_INVALID', location: { line: 6 } });
    expect(error.message).toContain('The defined default value `PENDING` is not a valid value of the enum');
    expect(error.hint).toContain(
      '`@default(PENDING)` (schema.prisma:6): enum PaymentStatus has pending, success, failed: write `@default(pending)`',
    );
    expect(error.hint).toContain('`@default(other)` (schema.prisma:7): enum Kind has single, group: write one of them');
  });

  it('a comment attribute (@comment, @@comment: no Prisma attribute) says to write a /// comment instead', async () => {
    const error = await docgenFailure(
      extractOf(
        [
          'datasource db {',
          '  provider = "postgresql"',
          '}',
          'model User {',
          '  id   String @id',
          '  name String @comment("display name")',
          '  @@comment("Table storing user information")',
          '}',
        ].join('\n'),
      ),
    );
    expect(error).toMatchObject({ code: 'DG_PRISMA_INVALID', location: { line: 6 } });
    expect(error.message).toContain('Attribute not known: "@comment"');
    expect(error.hint).toContain(
      '`@comment` (schema.prisma:6), `@@comment` (schema.prisma:7): Prisma has no column or table comments; write the text as a `///` comment on the line above the field or model',
    );
  });

  it('a block without its `}` says which, and where the brace goes, whatever Prisma makes of the lines after it', async () => {
    // Before the next block: Prisma reads `model Tag {` and Tag's `id` as lines of Post ("At most one
    // field must be marked as the id field", "Field "id" is already defined"), and says nothing of a brace.
    const error = await docgenFailure(
      extractOf(
        [
          'datasource db {',
          '  provider = "postgresql"',
          '}',
          'model Post {',
          '  id    Int    @id',
          '  body  String @default("{}")',
          '',
          'model Tag {',
          '  id Int @id',
          '}',
        ].join('\n'),
      ),
    );
    expect(error).toMatchObject({ code: 'DG_PRISMA_INVALID', location: { line: 4 } });
    expect(error.message).toContain('At most one field must be marked as the id field');
    expect(error.hint).toMatch(
      /^model Post \(schema\.prisma:4\) is not closed: Prisma reads `model Tag \{` \(line 8\) and what follows as its lines; write `\}` at the end of model Post, above line 8\. /,
    );
    // At the file's end: every line after the block's start "does not start with any known keyword".
    const atEnd = await docgenFailure(
      extractOf(['datasource db {', '  provider = "postgresql"', '}', 'enum Role {', '  ADMIN', '  USER'].join('\n')),
    );
    expect(atEnd.hint).toContain(
      'enum Role (schema.prisma:4) is not closed: the file ends before its `}`; write `}` at the end of enum Role',
    );
    // A schema whose braces balance gets no such hint.
    const balanced = await docgenFailure(
      extractOf(['datasource db {', '  provider = "postgresql"', '}', 'model A {', '  id Strin @id', '}'].join('\n')),
    );
    expect(balanced.hint).not.toContain('is not closed');
  });

  it('an attribute written over several lines (`@relation(` then its arguments) says to join its lines, with the line to write', async () => {
    // Formatted as a TypeScript call would be: Prisma reports each line as "not a valid field".
    const error = await docgenFailure(
      extractOf(
        [
          'datasource db {',
          '  provider = "postgresql"',
          '}',
          'model User {',
          '  id    Int    @id @default(autoincrement())',
          '  posts Post[]',
          '}',
          'model Post {',
          '  id       Int  @id @default(autoincrement())',
          '  authorId Int',
          '  author   User @relation(',
          '    fields: [authorId],',
          '    references: [id],',
          '    onDelete: Cascade',
          '  )',
          '',
          '  @@index([',
          '    authorId',
          '  ])',
          '}',
        ].join('\n'),
      ),
    );
    expect(error).toMatchObject({ code: 'DG_PRISMA_INVALID', location: { line: 11 } });
    expect(error.message).toContain('This line is not a valid field or attribute definition');
    expect(error.hint).toMatch(
      /^`@relation\(` \(schema\.prisma:11-15\) and `@@index\(` \(schema\.prisma:17-19\) are written over several lines: Prisma attributes must be on one line: join the lines of each, as `author {3}User @relation\(fields: \[authorId\], references: \[id\], onDelete: Cascade\)`\. /,
    );
    // An attribute on its line gets no such hint.
    const oneLine = await docgenFailure(
      extractOf(['datasource db {', '  provider = "postgresql"', '}', 'model A {', '  id Strin @id', '}'].join('\n')),
    );
    expect(oneLine.hint).not.toContain('several lines');
  });

  it("a merge conflict's markers left in the schema are named, with what to do", async () => {
    const error = await docgenFailure(
      extractOf(
        [
          'datasource db {',
          '  provider = "postgresql"',
          '}',
          'model Post {',
          '  id    Int    @id',
          '<<<<<<< HEAD',
          '  title String',
          '=======',
          '  name  String',
          '>>>>>>> feature/rename',
          '}',
        ].join('\n'),
      ),
    );
    expect(error).toMatchObject({ code: 'DG_PRISMA_INVALID', location: { line: 6 } });
    expect(error.message).toContain('This line is not a valid field or attribute definition');
    expect(error.hint).toMatch(
      /^schema\.prisma:6, schema\.prisma:8, schema\.prisma:10: the schema holds a merge conflict's markers \(`<<<<<<<`, `=======`, `>>>>>>>`\): keep what the schema should have of each side, delete the markers, and run again\. /,
    );
  });

  it('a byte order mark before the first line (a Windows editor saved it) is named, not left as line 1 "not a known keyword"', async () => {
    const schema = ['datasource db {', '  provider = "postgresql"', '}', 'model Post {', '  id Int @id', '}'].join(
      '\r\n',
    );
    const error = await docgenFailure(extractOf(`\uFEFF${schema}`));
    expect(error).toMatchObject({ code: 'DG_PRISMA_INVALID', location: { line: 1 } });
    expect(error.hint).toMatch(
      /^schema\.prisma starts with a byte order mark \(U\+FEFF\), which Prisma's parser reads as text: save the file as UTF-8 without BOM \(VS Code: click "UTF-8 with BOM" in the status bar, Save with Encoding, UTF-8\)\. /,
    );
  });

  it("@@fulltext on PostgreSQL (MySQL's and MongoDB's only) says the index is created in a migration", async () => {
    const error = await docgenFailure(
      extractOf(
        [
          'datasource db {',
          '  provider = "postgresql"',
          '}',
          'model Post {',
          '  id    String @id',
          '  title String',
          '  @@fulltext([title])',
          '}',
        ].join('\n'),
      ),
    );
    expect(error).toMatchObject({ code: 'DG_PRISMA_INVALID', location: { line: 7 } });
    expect(error.message).toContain('Defining fulltext indexes is not supported with the current connector');
    expect(error.hint).toContain(
      "`@@fulltext` (schema.prisma:7) is MySQL's and MongoDB's only, not postgresql's: PostgreSQL's full-text index is a GIN index",
    );
    expect(error.hint).toContain('create the index in a migration');
  });

  it('a schema without a datasource: a type or native type the database decides says to write the datasource', async () => {
    // READMEs' schemas (and a file cut out of a project) leave the datasource out; Prisma then
    // checks against no database and says only "the current connector" / "Default connector".
    const error = await docgenFailure(
      extractOf(
        ['model Session {', '  id    String  @id', '  data  String  @db.MediumText', '  price Decimal', '}'].join('\n'),
      ),
    );
    expect(error).toMatchObject({ code: 'DG_PRISMA_INVALID', location: { line: 3 } });
    expect(error.message).toContain('Native type MediumText is not supported for Default connector');
    expect(error.hint).toContain(
      'the schema has no `datasource` block, so Prisma checks it against no database (schema.prisma:3, schema.prisma:4): write the project\'s, `datasource db { provider = "…" }`',
    );
    // Prisma's other wording: "The current connector does not support the Decimal type".
    const decimal = await docgenFailure(
      extractOf(['model Price {', '  id    Int     @id', '  value Decimal', '}'].join('\n')),
    );
    expect(decimal.message).toContain('The current connector does not support the Decimal type');
    expect(decimal.hint).toContain(
      'the schema has no `datasource` block, so Prisma checks it against no database (schema.prisma:3)',
    );
  });

  it('a schema copied from an excerpt, with its `...` lines, says what the line is rather than only Prisma\'s "not a valid field"', async () => {
    // A README's Session model (a session storage adapter's): its fields, then `...`.
    const error = await docgenFailure(
      extractOf(
        [
          'datasource db {',
          '  provider = "mongodb"',
          '}',
          'model Session {',
          '  id String @id @map("_id")',
          '...',
          '}',
        ].join('\n'),
      ),
    );
    expect(error).toMatchObject({ code: 'DG_PRISMA_INVALID', location: { line: 6 } });
    expect(error.message).toContain('This line is not a valid field or attribute definition');
    expect(error.hint).toContain(
      '`...` (schema.prisma:6) stands for lines an excerpt left out: write the fields and attributes it stands for, or delete the line',
    );
  });

  it('a folder of separate schemas (each with its datasource) says to pass one of them, not the folder', async () => {
    // A package's prisma/ folder holding app.prisma and law.prisma, each a schema of its own.
    const dir = mkdtempSync(join(tmpdir(), 'docgen-prisma-'));
    const schema = (model: string) =>
      [
        'generator client {',
        '  provider = "prisma-client-js"',
        '}',
        'datasource db {',
        '  provider = "postgresql"',
        '}',
      ]
        .concat([`model ${model} {`, '  id Int @id', '}'])
        .join('\n');
    writeFileSync(join(dir, 'app.prisma'), schema('User'));
    writeFileSync(join(dir, 'law.prisma'), schema('Law'));
    const error = await docgenFailure(extractPrisma(dir));
    expect(error).toMatchObject({ code: 'DG_PRISMA_INVALID', location: { file: join(dir, 'law.prisma'), line: 1 } });
    expect(error.hint).toContain(
      'the folder holds separate schemas, not one multi-file schema: app.prisma:4 and law.prisma:4 each declare a datasource (a multi-file schema declares one); point docgen at one of the files',
    );
  });

  it("Prisma's config file, SQL or code in place of the schema: what it is, and what to pass", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docgen-prisma-'));
    const config = join(dir, 'prisma.config.ts');
    writeFileSync(
      config,
      "import { defineConfig } from 'prisma/config';\nexport default defineConfig({\n  schema: 'db/schema.prisma',\n});\n",
    );
    const fromConfig = await docgenFailure(
      extractPrisma(config, {
        origin: { name: 'docgen.config.yaml:3 schema', location: { file: join(dir, 'docgen.config.yaml') } },
      }),
    );
    expect(fromConfig).toMatchObject({ code: 'DG_PRISMA_NOT_A_SCHEMA', location: { file: config } });
    expect(fromConfig.message).toMatch(/Prisma's config file/);
    // The schema the config names, relative to where the option is written (here the same folder).
    expect(fromConfig.hint).toContain(`the schema this config names: ${join('db', 'schema.prisma')}`);
    const sql = join(dir, 'migration.sql');
    writeFileSync(sql, 'CREATE TABLE "User" (\n  "id" SERIAL PRIMARY KEY\n);\n');
    const fromSql = await docgenFailure(extractPrisma(sql));
    expect(fromSql.message).toMatch(/looks like SQL/);
    expect(fromSql.hint).toMatch(/prisma db pull/);
    const code = join(dir, 'schema.ts');
    writeFileSync(code, "export const users = pgTable('users', { id: serial('id') });\n");
    expect((await docgenFailure(extractPrisma(code))).message).toMatch(/JavaScript or TypeScript code/);
  });

  it("SQL Server's default constraint names (`@default(now(), map: …)`, which the DMMF leaves out) and keys' `clustered:` and `sort:`", async () => {
    const model = await extractPrisma(join(fixtures, 'sqlserver.prisma'));
    const customer = model.models.find((item) => item.name === 'Customer')!;
    const field = (name: string) => customer.fields.find((item) => item.name === name)!;
    expect(field('createdAt')).toMatchObject({ default: 'now()', defaultName: 'DF__Customer__create__3B75D760' });
    expect(field('status')).toMatchObject({ default: '"active"', defaultName: 'DF_Customer_status' });
    expect(field('region').defaultName).toBeUndefined();
    expect(field('id').idOptions).toEqual({ clustered: false });
    expect(field('email')).toMatchObject({ uniqueName: 'UQ__Customer__AB6E6164B36C4D9F' });
    expect(field('email').uniqueOptions).toEqual({ clustered: true, descending: true });
    expect(customer.indexes).toEqual([
      { kind: 'index', fields: ['createdAt DESC', 'status'], name: 'IX_Customer_createdAt', clustered: false },
    ]);
    const order = model.models.find((item) => item.name === 'Order')!;
    expect(order).toMatchObject({
      primaryKey: ['customerId', 'number'],
      primaryKeyFields: ['customerId', 'number DESC'],
      primaryKeyName: 'PK_Order',
      primaryKeyClustered: true,
    });
    expect(order.fields.find((item) => item.name === 'total')!.defaultName).toBe('DF_Order_total');
    expect(order.indexes).toEqual([
      { kind: 'unique', fields: ['number', 'total'], name: 'UQ_Order_number_total', clustered: false },
    ]);
  });

  it("an @@ignore'd model's one-field @@id marks its field the primary key, constraint name and all, as Prisma does for a model it reads", async () => {
    // `db pull` of a legacy table: the same key on a model Prisma reads and on one it ignores.
    const model = await extractOf(
      [
        'datasource db {\n  provider = "postgresql"\n}',
        'model Country {',
        '  code String @db.Char(2)',
        '  name String',
        '  @@id([code], map: "country_pk")',
        '}',
        '/// This table does not contain a valid unique identifier and can therefore currently not be handled by Prisma Client.',
        'model LegacyCountry {',
        '  code String @db.Char(2)',
        '  name String',
        '  @@id([code], map: "legacy_country_pk")',
        '  @@ignore',
        '}',
      ].join('\n'),
    );
    const code = (name: string) => model.models.find((item) => item.name === name)!.fields[0]!;
    expect(code('Country').isId).toBe(true);
    expect(code('LegacyCountry').isId).toBe(true);
    const tree = renderPrisma(model, createTemplateRenderer({ defaultsDir: source.templatesDir }), {});
    const legacy = tree.pages.find((page) => page.title.includes('LegacyCountry'))!;
    expect(legacy.markdown).toContain(
      '| `code` | `String` | primary key (constraint legacy_country_pk), @db.Char(2) |',
    );
  });

  it('a Prisma schema under another name is still read', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'docgen-prisma-')), 'schema.txt');
    writeFileSync(file, 'datasource db {\n  provider = "sqlite"\n}\n\nmodel User {\n  id Int @id\n}\n');
    expect((await extractPrisma(file)).models.map((model) => model.name)).toEqual(['User']);
  });

  const corpus = sharedFile('corpus/prisma');

  // An @@ignore'd model is read from the schema's text (Prisma's parser leaves it out): read that
  // way, every model Prisma does report must come out as Prisma reports it.
  it('reads a model from its text exactly as Prisma reports it, for every model of the fixtures and the corpus', async () => {
    const schemas = [
      ...['blog.prisma', 'mongo.prisma', 'sqlserver.prisma'].map((name) => join(fixtures, name)),
      ...(corpus ? readdirSync(corpus).map((name) => join(corpus, name)) : []),
    ];
    let compared = 0;
    for (const path of schemas) {
      const model = await extractPrisma(path);
      const sources = schemaFiles(path).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
      const blocks = modelBlocks(sources);
      const names = {
        models: new Set(blocks.map((block) => block.name)),
        types: new Set(model.models.filter((item) => item.kind === 'type').map((item) => item.name)),
        enums: new Set(model.enums.map((item) => item.name)),
      };
      for (const block of blocks) {
        const unread: UnreadLine[] = [];
        const read = readModel(block, names, unread);
        withoutDirectives([read]); // as extractPrisma does to every model, read either way
        expect(read).toEqual(model.models.find((item) => item.name === block.name));
        expect(unread).toEqual([]);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(corpus ? 160 : 7);
  });
  if (!corpus) console.log('skipping the corpus schemas: ../shared/corpus/prisma is not beside this clone');
  (corpus ? it : it.skip)(
    'every corpus schema, of either Prisma era, single-file or a folder, parses whole',
    async () => {
      const entries = readdirSync(corpus!).map((name) => join(corpus!, name));
      expect(entries.length).toBeGreaterThanOrEqual(4);
      for (const path of entries) {
        const texts = statSync(path).isDirectory()
          ? readdirSync(path)
              .filter((name) => name.endsWith('.prisma'))
              .map((name) => readFileSync(join(path, name), 'utf8'))
          : [readFileSync(path, 'utf8')];
        const declared = (keyword: string) =>
          texts
            .flatMap((text) =>
              [...text.matchAll(new RegExp(`^\\s*${keyword}\\s+(\\w+)\\s*\\{`, 'gm'))].map((match) => match[1]!),
            )
            .sort();
        const model = await extractPrisma(path);
        expect([
          path,
          model.models
            .filter((item) => item.kind === 'model')
            .map((item) => item.name)
            .sort(),
        ]).toEqual([path, declared('model')]);
        expect([path, model.enums.map((item) => item.name).sort()]).toEqual([path, declared('enum')]);
        const names = new Set(model.models.map((item) => item.name));
        for (const relation of model.relations) expect(names.has(relation.from) && names.has(relation.to)).toBe(true);
        for (const item of [...model.models, ...model.enums]) expect(item.defined.line).toBeGreaterThan(0);
        expect(model.relations.length).toBeGreaterThan(0);
        // Every link between the pages lands on a page of the tree.
        const tree = renderPrisma(model, createTemplateRenderer({ defaultsDir: source.templatesDir }), {});
        const files = new Set(tree.pages.map((page) => `${page.key.replace(/\//g, '__')}.md`));
        const links = tree.pages.flatMap((page) =>
          [...page.markdown.matchAll(/\]\(\.\/([^)#]+\.md)/g)].map((match) => match[1]!),
        );
        expect([path, links.filter((link) => !files.has(link))]).toEqual([path, []]);
      }
    },
    60_000,
  );
});

describe('a schema with no model', () => {
  const header = [
    'generator client {',
    '  provider = "prisma-client-js"',
    '  previewFeatures = ["prismaSchemaFolder"]',
    '}',
    'datasource db {',
    '  provider = "postgresql"',
    '}',
  ].join('\n');
  const warningsOf = async (file: string) => {
    const warnings: Diagnostic[] = [];
    const model = await extractPrisma(file, { report: (w) => warnings.push(w) });
    return { model, warnings };
  };

  it('is warned at line 1, naming the multi-file schema folder beside it where its models are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docgen-prisma-'));
    mkdirSync(join(dir, 'schema'));
    writeFileSync(join(dir, 'schema.prisma'), header);
    writeFileSync(join(dir, 'schema', 'user.prisma'), 'model User {\n  id Int @id\n}\n');
    const { model, warnings } = await warningsOf(join(dir, 'schema.prisma'));
    expect(model.models).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: 'DG_PRISMA_NO_MODELS',
      severity: 'warning',
      location: { file: join(dir, 'schema.prisma'), line: 1 },
      message: 'schema.prisma holds no model, view or type: the reference has no tables',
    });
    expect(warnings[0]!.hint).toContain(`its folder, ${relative(process.cwd(), join(dir, 'schema'))}`);
  });

  it('an empty file is warned too; with prismaSchemaFolder and no folder near, the hint says where models go', async () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'docgen-prisma-')), 'schema.prisma');
    writeFileSync(empty, '');
    const { warnings: emptyWarnings } = await warningsOf(empty);
    expect(emptyWarnings.map((w) => [w.code, w.location?.line])).toEqual([['DG_PRISMA_NO_MODELS', 1]]);
    expect(emptyWarnings[0]!.hint).toMatch(/^add a model block, or /);
    const alone = join(mkdtempSync(join(tmpdir(), 'docgen-prisma-')), 'main.prisma');
    writeFileSync(alone, `${header}\nenum Role {\n  USER\n}\n`);
    const { model, warnings } = await warningsOf(alone);
    expect(model.enums.map((e) => e.name)).toEqual(['Role']);
    expect(warnings[0]!.message).toBe('main.prisma holds only 1 enum: the reference has no tables');
    expect(warnings[0]!.hint).toMatch(/prismaSchemaFolder, so its models are in other \.prisma files/);
  });

  it('a schema with models is not warned', async () => {
    const { warnings } = await warningsOf(join(fixtures, 'blog.prisma'));
    expect(warnings.filter((w) => w.code === 'DG_PRISMA_NO_MODELS')).toEqual([]);
  });
});
