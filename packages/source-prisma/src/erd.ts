/**
 * The entity-relationship diagram of a data model: Graphviz DOT (models as tables of their
 * columns, relations as labelled edges) rendered to SVG by Graphviz compiled to WebAssembly.
 * Graphviz is loaded here, when a diagram is drawn, so no other command pays for it. Its output
 * is deterministic, so an unchanged model gives the same bytes and the attachment is not
 * uploaded again.
 */
import type { DataModel, PrismaModel, Relation } from './model.js';

/** Above this many models, tables list only key columns: a full diagram would be unreadable. */
export const FULL_COLUMNS_UP_TO = 25;

export function erdDot(model: PrismaModel): string {
  const keysOnly = model.models.length > FULL_COLUMNS_UP_TO;
  const lines = [
    'digraph erd {',
    '  graph [rankdir=LR, fontname="Helvetica", nodesep=0.4, ranksep=0.9];',
    '  node [shape=plaintext, fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9, color="#6B778C", fontcolor="#42526E"];',
  ];
  const views = new Set(model.models.filter((item) => item.kind === 'view').map((item) => item.name));
  for (const item of model.models)
    lines.push(`  ${id(item.name)} [label=<${table(item, keysOnly, keyLabels(item, model.provider, views))}>];`);
  for (const relation of model.relations) lines.push(`  ${edge(relation)}`);
  // Composite types are embedded, not related: a dashed edge from each model that embeds one.
  const composite = new Set(model.models.filter((item) => item.kind === 'type').map((item) => item.name));
  for (const item of model.models)
    for (const field of item.fields)
      if (composite.has(field.type))
        lines.push(`  ${id(item.name)} -> ${id(field.type)} [label="embeds (${field.name})", style=dashed];`);
  lines.push('}');
  return lines.join('\n');
}

export async function erdSvg(model: PrismaModel): Promise<string> {
  const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
  const graphviz = await Graphviz.load();
  return graphviz.dot(erdDot(model));
}

/**
 * What each column holding a related row's key is: `FK`, a foreign key, where the database has one;
 * `ref` where it cannot: MongoDB has no foreign keys (the field holds the other document's id), nor
 * has a view, or a key to a view (the database does not constrain a view's rows). As the model
 * pages say "reference" there.
 */
function keyLabels(item: DataModel, provider: string | undefined, views: Set<string>): Map<string, 'FK' | 'ref'> {
  const labels = new Map<string, 'FK' | 'ref'>();
  for (const field of item.fields) {
    const unconstrained = provider === 'mongodb' || item.kind === 'view' || views.has(field.type);
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
