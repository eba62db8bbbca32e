import {
  literalPlaceholders,
  placeFragment,
  contentHash,
  inlineCode,
  pageFileStem,
  pageKey,
  pathFromRepository,
  slug,
  type Page,
  type PageAttachment,
  type PageTree,
  type TemplateRenderer,
} from '@docgen/core';
import type { ErdDiagram } from './erd.js';
import { isReferenceOf, relationsEmulated } from './keys.js';
import type { DataModel, Field, KeyOptions, PrismaModel, Relation } from './model.js';

/**
 * Model → pages:
 *
 *   Data model                     overview.hbs   models, relationships (the ERD as a table), enums
 *   ├── Data model: <Model>        model.hbs      fields, keys and indexes, relations, where it is defined
 *   ├── …
 *   └── Data model: Enums          enums.hbs      one section (and anchor) per enum
 *
 * Keys are `<key>/model/<name>` and `<key>/enums` (default key `data-model`), so a model keeps
 * its page when fields change; titles carry the overview's title because Confluence titles are
 * unique per space and "User" is not.
 */
export interface RenderPrismaOptions {
  title?: string;
  key?: string;
  labels?: string[];
  /** Folder that schema paths on the pages are shown relative to (the config's folder). */
  cwd?: string;
  /**
   * The entity-relationship diagram as SVG (`erdSvg`), attached to the overview and shown on it; or
   * a big schema's diagrams (`erdDiagrams`): one per area, each under its area's heading on the
   * overview, and each model's own, on its page.
   */
  erd?: string | ErdDiagram[];
}

/** File name of the diagram attached to the overview page. */
export const ERD_FILE = 'erd.svg';

export function renderPrisma(
  model: PrismaModel,
  templates: TemplateRenderer,
  options: RenderPrismaOptions = {},
): PageTree {
  const root = pageKey(options.key ?? 'data-model');
  const title = options.title ?? 'Data model';
  const labels = ['data-model', ...(options.labels ?? [])];
  // Prisma tells `User` from `user`; page keys and Confluence titles do not: the later one gets a
  // numbered key and title (`user (2)`), in schema order, so both have a page.
  const modelKeys = new Map<string, string>();
  const modelTitles = new Map<string, string>();
  const takenKeys = new Set<string>();
  const takenTitles = new Set<string>();
  for (const item of model.models) {
    const base = pageKey(root, 'model', item.name);
    let key = base;
    let name = item.name;
    for (let n = 2; takenKeys.has(key) || takenTitles.has(name.toLowerCase()); n++) {
      key = `${base}-${n}`;
      name = `${item.name} (${n})`;
    }
    modelKeys.set(item.name, key);
    modelTitles.set(item.name, name);
    takenKeys.add(key);
    takenTitles.add(name.toLowerCase());
  }
  const modelKey = (name: string) => modelKeys.get(name) ?? pageKey(root, 'model', name);
  const enumsKey = pageKey(root, 'enums');
  const modelLink = (name: string) => `./${pageFileStem(modelKey(name))}.md`;
  // Anchors are lower case, Prisma's names are not: `enum Role` and `enum role` would share
  // `enum-role`; the later one gets `enum-role-2`, and each link goes to its own.
  const enumAnchors = new Map<string, string>();
  const takenAnchors = new Set<string>();
  for (const item of model.enums) {
    const base = `enum-${item.name.toLowerCase()}`;
    let anchor = base;
    for (let n = 2; takenAnchors.has(anchor); n++) anchor = `${base}-${n}`;
    enumAnchors.set(item.name, anchor);
    takenAnchors.add(anchor);
  }
  const enumAnchor = (name: string) => enumAnchors.get(name) ?? `enum-${name.toLowerCase()}`;
  const enumLink = (name: string) => `./${pageFileStem(enumsKey)}.md#${enumAnchor(name)}`;
  // A schema outside the config's folder (`--prisma` given from elsewhere): from its repository, not by climbing out.
  const shown = (file: string) => pathFromRepository(file, options.cwd ?? process.cwd(), model.path);
  const source = { plugin: 'prisma', file: model.path };
  // MongoDB keeps documents in collections; every other provider rows in tables.
  const storedIn = model.provider === 'mongodb' ? 'Collection' : 'Table';
  const emulatedRelations = relationsEmulated(model);
  const isReference = isReferenceOf(model);

  const composite = new Set(model.models.filter((item) => item.kind === 'type').map((item) => item.name));
  const typeOf = (field: Field): string => {
    const base =
      field.kind === 'object'
        ? `[${field.type}](${modelLink(field.type)})`
        : field.kind === 'enum'
          ? `[${field.type}](${enumLink(field.type)})`
          : `\`${field.type}\``;
    return `${base}${field.isList ? '[]' : field.isRequired ? '' : '?'}`;
  };
  const relationView = (relation: Relation, side: 'from' | 'to') => ({
    field: side === 'from' ? relation.fromField : relation.toField,
    other: side === 'from' ? relation.to : relation.from,
    otherLink: modelLink(side === 'from' ? relation.to : relation.from),
    otherField: side === 'from' ? relation.toField : relation.fromField,
    cardinality: side === 'from' ? relation.cardinality : flip(relation.cardinality),
    // MongoDB's m:n: each side holds a list of ids, and each side's page names its own.
    via:
      side === 'to' && relation.toFields
        ? via({ ...relation, fields: relation.toFields, references: relation.toReferences ?? [] })
        : via(relation),
    constraint: relation.constraint,
    onDelete: onDeleteText(relation),
    ignored: relation.ignored,
  });

  const all = typeof options.erd === 'string' ? [{ svg: options.erd }] : (options.erd ?? []);
  const diagrams = diagramFiles(all.filter((diagram) => diagram.area?.by !== 'model'));
  const attachments = diagrams.map(svgAttachment);
  const whole = diagrams.find((diagram) => !diagram.area);
  // A big schema's model pages each show the model and those it is related to: its page's `erd.svg`.
  const ownDiagrams = new Map(
    all.filter((diagram) => diagram.area?.by === 'model').map((diagram) => [diagram.area!.name, diagram.svg]),
  );
  const pages: Page[] = [
    {
      key: root,
      title,
      labels,
      attachments,
      position: 0,
      source,
      markdown: templates.render('overview', {
        title,
        storedIn,
        emulatedRelations,
        erd: whole ? `./${whole.fileName}` : undefined,
        areaKind: areaKind(diagrams),
        areas: diagrams
          .filter((diagram) => diagram.area)
          .map(({ area, fileName }) => ({ name: area!.name, count: area!.models.length, file: `./${fileName}` })),
        provider: model.provider,
        schema: shown(model.path),
        counts: counts(model),
        // Whether "(ignored)" marks anything, and so needs saying what it means.
        ignored: model.models.some((item) => item.ignored) || model.relations.some((relation) => relation.ignored),
        models: model.models.map((item) => ({
          ...item,
          table: tableName(item),
          link: modelLink(item.name),
          summary: firstSentence(item.documentation),
          // As many as the model's page lists under Fields (relation fields too), so the two agree.
          fieldCount: item.fields.length,
        })),
        relations: model.relations.map((relation) => ({
          ...relation,
          onDelete: onDeleteText(relation),
          fromLink: modelLink(relation.from),
          toLink: modelLink(relation.to),
          via: via(relation),
        })),
        enums: model.enums.map((item) => ({ ...item, link: enumLink(item.name) })),
      }),
    },
  ];
  model.models.forEach((item, index) => {
    pages.push({
      key: modelKey(item.name),
      title: `${title}: ${modelTitles.get(item.name) ?? item.name}`,
      parentKey: root,
      position: index + 1,
      labels: [...labels, `prisma-${item.kind}`],
      attachments: ownDiagrams.has(item.name)
        ? [svgAttachment({ fileName: ERD_FILE, svg: ownDiagrams.get(item.name)! })]
        : [],
      source: { plugin: 'prisma', file: item.defined.file },
      markdown: templates.render('model', {
        ...item,
        documentation: placeFragment(item.documentation, 2), // above the page's `##` sections
        table: tableName(item),
        erd: ownDiagrams.has(item.name) ? `./${ERD_FILE}` : undefined,
        notes: [
          item.deprecated ? '**Deprecated**' : undefined,
          graphqlNote(item, 'type'),
          // Still a table (or view) of the database: only the generated code leaves it out.
          item.generatorHidden ? 'hidden by its code generators (no generated schemas or routes)' : undefined,
          ...(item.setupNotices ?? []),
        ].filter(Boolean),
        keyless: keylessNote(item),
        // `@@id([a, b(sort: Desc)], clustered: true)`: the key's fields as written, and its clustering.
        primaryKeyShown: item.primaryKeyFields ?? item.primaryKey,
        primaryKeyClustering: clustering(item.primaryKeyClustered)[0],
        indexes: item.indexes.map((index) => ({ ...index, clustering: clustering(index.clustered)[0] })),
        storedIn,
        emulatedRelations,
        provider: model.provider,
        defined: { file: shown(item.defined.file), line: item.defined.line },
        // Where a composite type is embedded: the other way of the documents' `embedded` fields.
        embeddedIn:
          item.kind === 'type'
            ? model.models.flatMap((holder) =>
                holder.fields
                  .filter((field) => field.type === item.name)
                  .map((field) => ({ name: holder.name, link: modelLink(holder.name), field: field.name })),
              )
            : [],
        fields: item.fields.map((field) => ({
          ...field,
          typeMarkdown: typeOf(field),
          documentation: keptLineBreaks(field.documentation),
          notes: [
            ...(composite.has(field.type) ? ['embedded'] : []),
            ...notesOf(field, item, { storedIn, isReference }),
          ],
        })),
        relations: inFieldOrder(item, [
          ...model.relations
            .filter((relation) => relation.from === item.name)
            .map((relation) => relationView(relation, 'from')),
          // A self-relation has a row from each of its fields (a tree's `parent` and `children`).
          ...model.relations
            .filter((relation) => relation.to === item.name && (relation.from !== item.name || relation.toField))
            .map((relation) => relationView(relation, 'to')),
        ]),
      }),
    });
  });
  if (model.enums.length)
    pages.push({
      key: enumsKey,
      // A model may be called Enums (a lookup table `db pull` read): Confluence titles are unique.
      title: model.models.some((item) => item.name.toLowerCase() === 'enums')
        ? `${title}: Enum types`
        : `${title}: Enums`,
      parentKey: root,
      position: model.models.length + 1,
      labels,
      attachments: [],
      source,
      markdown: templates.render('enums', {
        enums: model.enums.map((item) => ({
          ...item,
          documentation: placeFragment(item.documentation, 3), // under the enum's `##` heading
          anchor: enumAnchor(item.name),
          // `schema.type` as the database names it: `@@schema`, then `@@map` or the enum's name.
          dbType: item.schema ? `${item.schema}.${item.dbName ?? item.name}` : item.dbName,
          defined: { file: shown(item.defined.file), line: item.defined.line },
          values: item.values.map((value) => ({ ...value, documentation: keptLineBreaks(value.documentation) })),
          hasDbNames: item.values.some((value) => value.dbName !== undefined),
          hasDocs: item.values.some((value) => value.documentation),
          usedBy: model.models
            .filter((candidate) => candidate.fields.some((field) => field.kind === 'enum' && field.type === item.name))
            .map((candidate) => ({ name: candidate.name, link: modelLink(candidate.name) })),
        })),
      }),
    });
  return { pages };
}

/**
 * A model with no `@id` or `@@id` has no primary key in the database: Prisma accepts a unique field
 * or `@@unique` in its place, and Prisma Client finds rows by it. The Primary key row says so, with
 * those keys, rather than leave a reader to assume one. Undefined for a model with a key, a view or a
 * composite type (neither has one), and an `@@ignore`d model (its info panel says why it has none).
 */
function keylessNote(model: DataModel): string | undefined {
  if (model.kind !== 'model' || model.ignored || model.primaryKey?.length) return undefined;
  if (model.fields.some((field) => field.isId)) return undefined;
  const keys = [
    ...model.fields.filter((field) => field.isUnique).map((field) => `\`${field.name}\``),
    ...model.indexes
      .filter((index) => index.kind === 'unique')
      .map((index) => index.fields.map((field) => `\`${field}\``).join(' + ')),
  ];
  if (!keys.length) return 'none';
  return keys.length === 1
    ? `none: Prisma Client finds a row by its unique ${keys[0]} instead`
    : `none: Prisma Client finds a row by one of its unique keys instead (${keys.join(', ')})`;
}

/**
 * A model page's relations in the order its fields are declared, as its Fields table lists them: a
 * tree's `parent` beside its `children`, and not the relations it holds first and those pointing at
 * it after, in the order of the models that declare them.
 */
function inFieldOrder<Row extends { field?: string }>(item: DataModel, rows: Row[]): Row[] {
  const position = (row: Row) => {
    const index = item.fields.findIndex((field) => field.name === row.field);
    return index < 0 ? item.fields.length : index;
  };
  return [...rows].sort((a, b) => position(a) - position(b)); // stable: a field's two rows keep their order
}

/**
 * How a relation is held: its foreign key (`authorId → id`), a join table for an implicit m-n
 * (Prisma names it `_` and the relation's name: `_PostToTag`), or (MongoDB) a list of ids on each side.
 */
function via(relation: Relation): string {
  if (!relation.fields.length) return `join table \`_${relation.name}\``;
  const key = `${relation.fields.join(', ')} → ${relation.references.join(', ')}`;
  return relation.cardinality === 'm:n' ? `${key} (a list of ids on each side)` : key;
}

/** The overview's diagrams, named: `erd.svg` for the whole model, `erd-<area>.svg` for each area's. */
function diagramFiles(diagrams: ErdDiagram[]): Array<ErdDiagram & { fileName: string }> {
  const taken = new Set<string>();
  return diagrams.map((diagram) => {
    if (!diagram.area) return { ...diagram, fileName: ERD_FILE };
    const stem = `erd-${slug(diagram.area.name.replace(/\.prisma$/, ''), /[a-z0-9_-]/) || 'area'}`;
    let fileName = `${stem}.svg`;
    // `a/user.prisma` and `b/user.prisma` fold to one stem: the later one is numbered.
    for (let n = 2; taken.has(fileName); n++) fileName = `${stem}-${n}.svg`;
    taken.add(fileName);
    return { ...diagram, fileName };
  });
}

function svgAttachment({ fileName, svg }: { fileName: string; svg: string }): PageAttachment {
  const data = new TextEncoder().encode(svg);
  return { fileName, mediaType: 'image/svg+xml', contentHash: contentHash(data), data };
}

/** What the areas are, to say why the diagram is split: the database's schemas, the schema's files, or groups of related models. */
function areaKind(diagrams: ErdDiagram[]): string | undefined {
  const area = diagrams.find((diagram) => diagram.area)?.area;
  if (!area) return undefined;
  if (area.by === 'group') {
    const named = 'group of closely related models, named after the model most related in it';
    // A full group's overflow ("More of User") is named after the group it did not fit in.
    return diagrams.some((diagram) => diagram.area?.moreOf)
      ? `${named}, and "More of …" for the tables too many for one group`
      : named;
  }
  return area.by === 'file' ? 'file of the schema' : 'database schema (`@@schema`)';
}

/** `schema.table` as the database names it: `@@schema`, then `@@map` or the model's name. */
function tableName(item: DataModel): string {
  return `${item.schema ? `${item.schema}.` : ''}${item.dbName ?? item.name}`;
}

/** "78 models, 2 views, 2 composite types and 27 enums": each kind counted as what it is. */
function counts(model: PrismaModel): string {
  const count = (n: number, one: string, many: string) => (n ? [`${n} ${n === 1 ? one : many}`] : []);
  const of = (kind: DataModel['kind']) => model.models.filter((item) => item.kind === kind).length;
  const parts = [
    ...count(of('model'), 'model', 'models'),
    ...count(of('view'), 'view', 'views'),
    ...count(of('type'), 'composite type', 'composite types'),
    ...count(model.enums.length, 'enum', 'enums'),
  ];
  if (!parts.length) return 'no models';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function flip(cardinality: Relation['cardinality']): string {
  return cardinality === 'n:1' ? '1:n' : cardinality;
}

/** What the schema says about a field besides its type: keys, defaults' kin, mapping, native type. */
function notesOf(
  field: Field,
  model: DataModel,
  {
    storedIn,
    isReference,
  }: { storedIn: 'Collection' | 'Table'; isReference: (item: DataModel, field: Field) => boolean },
): string[] {
  const notes: string[] = [];
  if (field.deprecated) notes.push('**Deprecated**');
  if (field.isId) notes.push(keyNote('primary key', model.primaryKeyName, field.idOptions));
  else if (model.primaryKey?.includes(field.name)) notes.push('primary key');
  if (field.isUnique) notes.push(keyNote('unique', field.uniqueName, field.uniqueOptions));
  if (field.isUpdatedAt) notes.push('updated at');
  if (field.kind === 'unsupported') notes.push('not available in Prisma Client');
  if (field.ignored) notes.push('ignored by Prisma Client (`@ignore`)');
  if (field.commentedOut)
    notes.push('commented out by `prisma db pull` (no valid Prisma field name): not available in Prisma Client');
  const holds = isReference(model, field) ? 'reference' : 'foreign key';
  if (field.relation?.fields.length)
    notes.push(
      keyNote(
        `${holds} ${field.relation.fields.join(', ')} → ${field.relation.references.join(', ')}`,
        field.relation.map,
      ),
    );
  if (field.relation?.onDelete) notes.push(`on delete ${field.relation.onDelete}`);
  if (field.relation?.onUpdate) notes.push(`on update ${field.relation.onUpdate}`);
  // A MongoDB document has fields, not columns: `@map("_id")` names the document's field.
  if (field.dbName) notes.push(`${storedIn === 'Collection' ? 'document field' : 'column'} ${field.dbName}`);
  if (field.nativeType) notes.push(field.nativeType);
  // A TypeScript type, as code: `Record<string, number>` is not HTML, `'a' | 'b'` not a table.
  if (field.jsonType) notes.push(`${field.type === 'Json' ? 'JSON' : 'typed'} as ${inlineCode(field.jsonType)}`);
  const graphql = graphqlNote(field);
  if (graphql) notes.push(graphql);
  notes.push(...(field.setupNotices ?? []));
  return notes;
}

/**
 * A key's note with what the schema says of it besides its fields: `primary key (constraint PK_User,
 * nonclustered)`, `unique (descending, length 10)`. Constraint names (`map:`) and index options are
 * the database's, so they are shown where the key is.
 */
function keyNote(note: string, name?: string, options: KeyOptions = {}): string {
  const facts = [
    ...(name ? [`constraint ${name}`] : []),
    ...clustering(options.clustered),
    ...(options.descending ? ['descending'] : []),
    ...(options.length ? [`length ${options.length}`] : []),
  ];
  return facts.length ? `${note} (${facts.join(', ')})` : note;
}

/** SQL Server's `clustered:` as the page says it; nothing where the schema does not write it (the database's default). */
function clustering(clustered: boolean | undefined): string[] {
  return clustered === undefined ? [] : [clustered ? 'clustered' : 'nonclustered'];
}

/** What a GraphQL generator's directive says about the field (or model): left out of the API, or named otherwise in it. */
function graphqlNote(field: Pick<Field, 'graphqlHidden' | 'graphqlName'>, named = 'name'): string | undefined {
  const hidden = field.graphqlHidden ?? [];
  if (hidden.includes('output'))
    return hidden.includes('input')
      ? 'hidden from the GraphQL API (not read, not written)'
      : 'hidden from the GraphQL API';
  if (hidden.includes('input')) return 'not writable through the GraphQL API';
  return field.graphqlName ? `GraphQL ${named} ${field.graphqlName}` : undefined;
}

/**
 * A `///` comment of several lines, for a table cell (which cannot span lines): the breaks
 * Markdown keeps stay, as `<br>`: before a list item (`- paid`, `2. refunded`), and a hard break
 * (two spaces or `\` at a line's end). Other lines are prose wrapped at the author's width,
 * joined with spaces as in the model's own description (documenso's comments wrap at 80 columns).
 */
function keptLineBreaks(text: string | undefined): string | undefined {
  // A placeholder (`<ip>`) is text in a cell too, as in the descriptions above the sections.
  return literalPlaceholders(text)?.replace(/(?: {2,}|\\)\r?\n|\r?\n(?=[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t])/g, '<br>');
}

/**
 * The first sentence of a `///` comment, for the overview's table: of its first paragraph, whose
 * lines are prose wrapped at the author's width, joined as Markdown joins them on the model's page
 * (documenso's first line ended "… for the configured Cloud Signature"). A blank line or a list
 * item ends the paragraph.
 */
function firstSentence(text: string | undefined): string {
  if (!text) return '';
  const lines = literalPlaceholders(text)!
    .split('\n')
    .map((line) => line.trim());
  const start = lines.findIndex(Boolean);
  if (start < 0) return '';
  const end = lines.findIndex((line, at) => at > start && (!line || /^(?:[-*+]|\d{1,9}[.)])[ \t]/.test(line)));
  const paragraph = lines.slice(start, end < 0 ? undefined : end).join(' ');
  return /^(.*?[.!?])(\s|$)/.exec(paragraph)?.[1] ?? paragraph;
}

/** A relation's on-delete action, marked when it is Prisma's default rather than the schema's. */
function onDeleteText(relation: Relation): string | undefined {
  // An implicit m-n's action is its join table's: the links go, the linked rows stay.
  if (relation.cardinality === 'm:n' && relation.onDelete)
    return `${relation.onDelete} (default): the links in the join table`;
  return relation.onDelete && relation.onDeleteDefault ? `${relation.onDelete} (default)` : relation.onDelete;
}
