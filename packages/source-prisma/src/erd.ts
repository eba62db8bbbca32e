/**
 * The entity-relationship diagram of a data model: Graphviz DOT (models as tables of their
 * columns, relations as labelled edges) rendered to SVG by Graphviz compiled to WebAssembly.
 * Graphviz is loaded here, when a diagram is drawn, so no other command pays for it. Its output
 * is deterministic, so an unchanged model gives the same bytes and the attachment is not
 * uploaded again.
 */
import { basename, relative } from 'node:path';
import type { DataModel, PrismaModel, Relation } from './model.js';

/**
 * Above this many models, one diagram of them all is unreadable: its tables list only key columns,
 * and the schema is drawn per area and each model on its own too (erdDiagrams).
 */
export const FULL_COLUMNS_UP_TO = 25;

/**
 * One diagram's share of the model: its area's models, drawn whole; the models of other areas they
 * relate to are drawn as their name only (a stub), so the edges across areas are still seen.
 */
export interface ErdArea {
  /** The `@@schema` namespace, the file of a multi-file schema (relative to its folder), or the model. */
  name: string;
  /** `model`: one model and the models it is related to, either way (its page's diagram). */
  by: 'schema' | 'file' | 'model';
  models: string[];
}

/** One diagram: of the whole model, or of one area of it. */
export interface ErdDiagram {
  area?: ErdArea;
  svg: string;
}

/**
 * The areas a big schema is drawn in, one diagram each; none (one diagram of all) up to
 * FULL_COLUMNS_UP_TO models, or where the schema has no areas. A diagram of 80 or 150 tables is
 * metres long and unreadable (dub's, in one: 3256 × 5706 pt; a 150-model one 18288 pt tall); the
 * schema's authors already grouped its models, by database schema (`@@schema`) or by file
 * (`prisma/schema/*.prisma`), and a reader looks for a model there.
 */
export function erdAreas(model: PrismaModel): ErdArea[] {
  if (model.models.length <= FULL_COLUMNS_UP_TO) return [];
  const byNamespace = groupModels(model, 'schema', (item) => item.schema);
  if (byNamespace.length > 1) return byNamespace;
  const byFile = groupModels(
    model,
    'file',
    (item) => relative(model.path, item.defined.file) || basename(item.defined.file),
  );
  return byFile.length > 1 ? byFile : [];
}

/** Models grouped by `areaOf`, the groups in the order of their first model; unnamed areas are not areas. */
function groupModels(
  model: PrismaModel,
  by: ErdArea['by'],
  areaOf: (item: DataModel) => string | undefined,
): ErdArea[] {
  const areas = new Map<string, string[]>();
  for (const item of model.models) {
    const name = areaOf(item);
    if (name === undefined) return [];
    areas.set(name, [...(areas.get(name) ?? []), item.name]);
  }
  return [...areas].map(([name, models]) => ({ name, by, models }));
}

export function erdDot(model: PrismaModel, area?: ErdArea): string {
  const { drawn, relations, embeds, stubs } = drawnParts(model, area);
  const keysOnly = drawn.size > FULL_COLUMNS_UP_TO;
  const lines = [
    'digraph erd {',
    // `pack`: each group of related models is laid out on its own and the groups packed side by
    // side; without it, a legacy database's tables in no relation (logs, dated copies) are stacked
    // in one column (a 188-table schema's diagram was 1929 × 12664 pt, packed 2526 × 3746).
    '  graph [rankdir=LR, fontname="Helvetica", nodesep=0.4, ranksep=0.9, pack=true];',
    '  node [shape=plaintext, fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9, color="#6B778C", fontcolor="#42526E"];',
  ];
  const views = new Set(model.models.filter((item) => item.kind === 'view').map((item) => item.name));
  // A model of another area that this area's models relate to: only its name, and where it is.
  const areaOf = new Map(
    area ? erdAreas(model).flatMap((other) => other.models.map((name) => [name, other.name])) : [],
  );
  for (const item of model.models)
    if (drawn.has(item.name))
      lines.push(`  ${id(item.name)} [label=<${table(item, keysOnly, keyLabels(item, model, views))}>];`);
  for (const name of stubs) lines.push(`  ${id(name)} [label=<${stub(name, areaOf.get(name))}>];`);
  for (const relation of relations) lines.push(`  ${edge(relation)}`);
  // Composite types are embedded, not related: a dashed edge from each model that embeds one.
  for (const { item, field } of embeds)
    lines.push(`  ${id(item.name)} -> ${id(field.type)} [label="embeds (${field.name})", style=dashed];`);
  lines.push('}');
  return lines.join('\n');
}

/**
 * What a diagram draws: its models whole, its relations and embedded types, and the models of
 * elsewhere they reach as stubs (their name only). A relation across areas is drawn once, in the
 * diagram of the model holding it (its foreign key): a model many others point to (User) would
 * otherwise draw all of them again as stubs. A model's own diagram draws its relations both ways:
 * that is what its page is about.
 */
function drawnParts(model: PrismaModel, area: ErdArea | undefined) {
  const drawn = new Set(area?.models ?? model.models.map((item) => item.name));
  const both = area?.by === 'model';
  const relations = model.relations.filter((relation) => drawn.has(relation.from) || (both && drawn.has(relation.to)));
  const composite = new Set(model.models.filter((item) => item.kind === 'type').map((item) => item.name));
  const embeds = model.models.flatMap((item) =>
    drawn.has(item.name)
      ? item.fields.filter((field) => composite.has(field.type)).map((field) => ({ item, field }))
      : [],
  );
  const reached = [
    ...relations.flatMap((relation) => [relation.from, relation.to]),
    ...embeds.map(({ field }) => field.type),
  ];
  return { drawn, relations, embeds, stubs: new Set(reached.filter((name) => !drawn.has(name))) };
}

/** The diagram of the whole model. */
export async function erdSvg(model: PrismaModel): Promise<string> {
  const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
  const graphviz = await Graphviz.load();
  return graphviz.dot(erdDot(model));
}

/**
 * The diagrams to attach: one per area of a big schema (erdAreas), else the one of the whole model;
 * and, in a big schema, each related model's own (its page's): the model and those it is related to.
 * The whole diagram of 100 models in one file (cal.com's) is too big to find a model in.
 */
export async function erdDiagrams(model: PrismaModel): Promise<ErdDiagram[]> {
  const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
  const graphviz = await Graphviz.load();
  const areas = erdAreas(model);
  const overview = areas.length ? areas : [undefined];
  const own =
    model.models.length > FULL_COLUMNS_UP_TO ? model.models.filter((item) => isRelated(model, item.name)) : [];
  return [
    ...overview.map((area) => ({ area, svg: graphviz.dot(erdDot(model, area)) })),
    ...own.map((item) => {
      const area: ErdArea = { name: item.name, by: 'model', models: [item.name] };
      return { area, svg: graphviz.dot(erdDot(model, area)) };
    }),
  ];
}

function isRelated(model: PrismaModel, name: string): boolean {
  return model.relations.some((relation) => relation.from === name || relation.to === name);
}

/**
 * What each column holding a related row's key is: `FK`, a foreign key, where the database has one;
 * `ref` where it has none: MongoDB has no foreign keys (the field holds the other document's id), nor
 * has a database whose relations Prisma Client keeps (relationMode = "prisma"), nor a view, or a key
 * to a view (the database does not constrain a view's rows). As the model pages say "reference" there.
 */
function keyLabels(item: DataModel, model: PrismaModel, views: Set<string>): Map<string, 'FK' | 'ref'> {
  const labels = new Map<string, 'FK' | 'ref'>();
  const emulated = model.provider === 'mongodb' || model.relationMode === 'prisma';
  for (const field of item.fields) {
    const unconstrained = emulated || item.kind === 'view' || views.has(field.type);
    for (const column of field.relation?.fields ?? [])
      // A column keying both a table and a view is a foreign key all the same.
      if (labels.get(column) !== 'FK') labels.set(column, unconstrained ? 'ref' : 'FK');
  }
  return labels;
}

function table(item: DataModel, keysOnly: boolean, foreignKeys: Map<string, 'FK' | 'ref'>): string {
  const columns = item.fields.filter(
    (field) =>
      field.kind !== 'object' &&
      (!keysOnly || field.isId || item.primaryKey?.includes(field.name) || foreignKeys.has(field.name)),
  );
  const rows = columns.map((field) => {
    // A join table's key columns are both: its primary key, and foreign keys to what it joins.
    const key = [
      ...(field.isId || item.primaryKey?.includes(field.name) ? ['PK'] : []),
      ...(foreignKeys.has(field.name) ? [foreignKeys.get(field.name)!] : []),
    ].join(', ');
    const type = `${field.type}${field.isList ? '[]' : field.isRequired ? '' : '?'}${field.ignored ? ' (ignored)' : ''}`;
    return `<TR><TD ALIGN="LEFT">${escape(key)}</TD><TD ALIGN="LEFT">${escape(field.name)}</TD><TD ALIGN="LEFT"><FONT COLOR="#6B778C">${escape(type)}</FONT></TD></TR>`;
  });
  const note = `${item.kind === 'view' ? ' (view)' : item.kind === 'type' ? ' (type)' : ''}${item.ignored ? ' (ignored)' : ''}`;
  // An @@ignore'd model is a table all the same: drawn, in grey, and marked.
  const colour = item.kind === 'type' ? '#EAE6FF' : item.ignored ? '#F4F5F7' : '#DEEBFF';
  const title = `<TR><TD COLSPAN="3" BGCOLOR="${colour}"><B>${escape(item.name)}</B>${note}</TD></TR>`;
  return `<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">${title}${rows.join('')}</TABLE>`;
}

/** A model of another area: its name, dashed, and the area it is drawn in. */
function stub(name: string, area: string | undefined): string {
  const where = area === undefined ? '' : `<BR/><FONT POINT-SIZE="8" COLOR="#6B778C">${escape(area)}</FONT>`;
  return `<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4"><TR><TD STYLE="dashed" BGCOLOR="#F4F5F7">${escape(name)}${where}</TD></TR></TABLE>`;
}

function edge(relation: Relation): string {
  const label = relation.fields.length
    ? `${relation.cardinality} (${relation.fields.join(', ')})`
    : relation.cardinality;
  const both = relation.cardinality === 'm:n' ? ', dir=both' : '';
  // Declared but left out of Prisma Client (@ignore, @@ignore): drawn, dotted, and marked.
  const ignored = relation.ignored ? ', style=dotted' : '';
  const text = relation.ignored ? `${label}, ignored` : label;
  return `${id(relation.from)} -> ${id(relation.to)} [label="${text.replace(/"/g, '\\"')}"${both}${ignored}];`;
}

function id(name: string): string {
  return `"${name.replace(/"/g, '\\"')}"`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
