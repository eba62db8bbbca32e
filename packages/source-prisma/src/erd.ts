/**
 * The entity-relationship diagram of a data model: Graphviz DOT (models as tables of their
 * columns, relations as labelled edges) rendered to SVG by Graphviz compiled to WebAssembly.
 * Graphviz is loaded here, when a diagram is drawn, so no other command pays for it. Its output
 * is deterministic, so an unchanged model gives the same bytes and the attachment is not
 * uploaded again.
 */
import { basename, relative } from 'node:path';
import { isReferenceOf } from './keys.js';
import type { DataModel, Field, PrismaModel, Relation } from './model.js';

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
  /**
   * `group`: closely related models of a big schema that has neither namespaces nor files to draw
   * by (relatedGroups). `model`: one model and the models it is related to, either way (its page's
   * diagram).
   */
  by: 'schema' | 'file' | 'group' | 'model';
  models: string[];
  /**
   * A `group` of the tables pointing to a model whose group had no room for them (a User 60 others
   * point to): that group's name. They are drawn in rows above it, as a star (erdDot).
   */
  moreOf?: string;
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
  if (byFile.length > 1) return byFile;
  if (model.models.length <= ONE_DIAGRAM_UP_TO) return [];
  // Each diagram asks for the areas (a stub says its model's): the groups are found once per model.
  if (!groupsFound.has(model)) groupsFound.set(model, relatedGroups(model));
  return groupsFound.get(model)!;
}

const groupsFound = new WeakMap<PrismaModel, ErdArea[]>();

/**
 * Above this many models in one file and one namespace, even the diagram of their key columns is
 * unreadable (60 related models: 3271 × 2198 pt; 800: 4176 × 21564 pt), and it is drawn per group of
 * closely related models. documenso's 51 models are one diagram of 2289 × 1852 pt.
 */
const ONE_DIAGRAM_UP_TO = 60;

/** The area of the models in no relation at all (a legacy database's logs, dated copies). */
const UNRELATED = 'Models in no relation';

/**
 * A big schema's models in groups of at most FULL_COLUMNS_UP_TO (drawn with all their columns), each
 * closely related within and loosely to the others: Clauset–Newman–Moore's greedy merging, which
 * joins the two groups whose link most exceeds what their sizes would give by chance. Its ties
 * break on the declaration order, so a schema gives the same groups every run. A group of one or
 * two left out joins the neighbour with room it is most linked to, or else the others of its kind
 * linked most to the same group; the models in no relation are one group. Each is named after its
 * most related model; the tables a full group had no room for after that group's (`More of User`,
 * then `More of User (2)`), as one of them would say nothing of what they are.
 */
function relatedGroups(model: PrismaModel): ErdArea[] {
  const names = model.models.map((item) => item.name);
  const links = modelLinks(model, new Map(names.map((name, at) => [name, at])));
  const { of: groups, overflowing } = mergedGroups(names.length, links);
  const degree = (at: number) => [...(links.get(at)?.values() ?? [])].reduce((sum, weight) => sum + weight, 0);
  const membersOf = new Map<number, number[]>();
  groups.forEach((group, at) => {
    const known = membersOf.get(group);
    if (known) known.push(at);
    else membersOf.set(group, [at]);
  });
  const members = (group: number) => membersOf.get(group) ?? [];
  const mostRelated = (group: number) =>
    names[members(group).reduce((best, at) => (degree(at) > degree(best) ? at : best))]!;
  const overflows = new Map<string, number>();
  const areas: ErdArea[] = [...new Set(groups)]
    .filter((group) => members(group).some((at) => links.has(at)))
    .map((group) => {
      const models = members(group).map((at) => names[at]!);
      const full = overflowing.get(group);
      if (full === undefined) return { name: `${mostRelated(group)} group`, by: 'group', models };
      const hub = mostRelated(full);
      const count = (overflows.get(hub) ?? 0) + 1;
      overflows.set(hub, count);
      const name = count === 1 ? `More of ${hub}` : `More of ${hub} (${count})`;
      return { name, by: 'group', models, moreOf: `${hub} group` };
    });
  const unrelated = names.filter((_, at) => !links.has(at));
  return unrelated.length ? [...areas, { name: UNRELATED, by: 'group', models: unrelated }] : areas;
}

/** Each model's links to the others (by declaration index): its relations and the types it embeds, counted. */
function modelLinks(model: PrismaModel, indexOf: Map<string, number>): Map<number, Map<number, number>> {
  const links = new Map<number, Map<number, number>>();
  const add = (from: number, to: number) => {
    if (!links.has(from)) links.set(from, new Map());
    links.get(from)!.set(to, (links.get(from)!.get(to) ?? 0) + 1);
  };
  const embeds = model.models.flatMap((item) =>
    item.fields.filter((field) => field.kind === 'object' && !field.relation).map((field) => [item.name, field.type]),
  );
  for (const [from, to] of [...model.relations.map((relation) => [relation.from, relation.to]), ...embeds]) {
    const [a, b] = [indexOf.get(from!), indexOf.get(to!)];
    if (a === undefined || b === undefined || a === b) continue;
    add(a, b);
    add(b, a);
  }
  return links;
}

/**
 * Each model's group (an index of one of its models), merged greedily as relatedGroups says; and
 * each group of the leftovers of a full one, with that full group.
 */
function mergedGroups(
  count: number,
  links: Map<number, Map<number, number>>,
): { of: number[]; overflowing: Map<number, number> } {
  const groups = new Groups(count, links);
  const roomFor = (a: number, b: number) => groups.size(a) + groups.size(b) <= FULL_COLUMNS_UP_TO;
  const small = (at: number) => groups.size(at) <= 2;
  groups.mergeWhile(roomFor, (a, b, weight) => groups.modularityGain(a, b, weight));
  // A group of one or two the gain kept out: into the neighbour with room it is most linked to.
  groups.mergeWhile(
    (a, b) => (small(a) || small(b)) && roomFor(a, b),
    (_a, _b, weight) => weight,
  );
  // Those left (a full group's leaves, as the tables pointing to a User of 80 others) make groups of
  // their own, by the group they are most linked to: it is drawn in theirs as a stub.
  const byNeighbour = new Map<number, number>();
  const seeds: Array<[number, number]> = [];
  for (const at of groups.ids().filter(small)) {
    const neighbour = groups.mostLinked(at);
    if (neighbour === undefined) continue;
    const into = byNeighbour.get(neighbour);
    if (into !== undefined && roomFor(into, at)) groups.merge(into, at);
    else {
      byNeighbour.set(neighbour, at);
      seeds.push([at, neighbour]);
    }
  }
  // A seed or its neighbour may since have been merged into another: the groups they are in now.
  const overflowing = new Map(
    seeds
      .map(([seed, neighbour]) => [groups.of[seed]!, groups.of[neighbour]!] as const)
      .filter(([seed, neighbour]) => seed !== neighbour),
  );
  return { of: groups.of, overflowing };
}

/** Groups of models, as Clauset–Newman–Moore merges them: each group's links to the others, and its share of all links. */
class Groups {
  /** Each model's group. */
  readonly of: number[];
  private readonly sizes: Map<number, number>;
  private readonly between: Map<number, Map<number, number>>;
  private readonly shares: Map<number, number>;
  private readonly ends: number;

  constructor(count: number, links: Map<number, Map<number, number>>) {
    this.of = Array.from({ length: count }, (_, at) => at);
    this.sizes = new Map(this.of.map((at) => [at, 1]));
    this.between = new Map([...links].map(([at, to]) => [at, new Map(to)]));
    const total = (to: Map<number, number>) => [...to.values()].reduce((sum, weight) => sum + weight, 0);
    this.ends = [...links.values()].reduce((sum, to) => sum + total(to), 0);
    this.shares = new Map([...links].map(([at, to]) => [at, total(to) / this.ends]));
  }

  size(group: number): number {
    return this.sizes.get(group)!;
  }

  /** The groups linked to another. */
  ids(): number[] {
    return [...this.between.keys()];
  }

  /** What merging two groups adds to the modularity: their link, less what their shares would give by chance. */
  modularityGain(a: number, b: number, weight: number): number {
    return 2 * (weight / this.ends - this.shares.get(a)! * this.shares.get(b)!);
  }

  /** The group `group` is most linked to (the first, of equals); undefined when it is linked to none. */
  mostLinked(group: number): number | undefined {
    return [...(this.between.get(group) ?? [])].sort(([a, x], [b, y]) => y - x || a - b)[0]?.[0];
  }

  /** Merge the pair that `fits` with the greatest positive gain (the first, of equals), while there is one. */
  mergeWhile(fits: (a: number, b: number) => boolean, gain: (a: number, b: number, weight: number) => number): void {
    for (;;) {
      let found: [number, number] | undefined;
      let most = 0;
      for (const [a, to] of this.between)
        for (const [b, weight] of to)
          if (a < b && fits(a, b) && gain(a, b, weight) > most) [found, most] = [[a, b], gain(a, b, weight)];
      if (!found) return;
      // The smaller group goes into the larger, so a leaf joins its hub's group whichever comes first.
      const [a, b] = found;
      if (this.size(a) < this.size(b)) this.merge(b, a);
      else this.merge(a, b);
    }
  }

  merge(into: number, from: number): void {
    for (const [other, weight] of this.between.get(from) ?? []) {
      this.between.get(other)!.delete(from);
      if (other === into) continue;
      this.between.get(into)!.set(other, (this.between.get(into)!.get(other) ?? 0) + weight);
      this.between.get(other)!.set(into, (this.between.get(other)!.get(into) ?? 0) + weight);
    }
    this.between.delete(from);
    this.shares.set(into, this.shares.get(into)! + this.shares.get(from)!);
    this.sizes.set(into, this.size(into) + this.size(from));
    this.of.forEach((group, at) => {
      if (group === from) this.of[at] = into;
    });
  }
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
  const star = starOf(
    [
      ...relations.map((relation) => [relation.from, relation.to] as const),
      ...embeds.map(({ item, field }) => [item.name, field.type] as const),
    ],
    stubs,
  );
  const lines = [
    'digraph erd {',
    // `pack`: each group of related models is laid out on its own and the groups packed side by
    // side; without it, a legacy database's tables in no relation (logs, dated copies) are stacked
    // in one column (a 188-table schema's diagram was 1929 × 12664 pt, packed 2526 × 3746).
    // A star is drawn top to bottom, its leaves in rows above and below its hub (starOf).
    `  graph [rankdir=${star ? 'TB' : 'LR'}, fontname="Helvetica", nodesep=0.4, ranksep=0.9, pack=true];`,
    '  node [shape=plaintext, fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9, color="#6B778C", fontcolor="#42526E"];',
  ];
  const isReference = isReferenceOf(model);
  // A model of another area that this area's models relate to: only its name, and where it is.
  const areaOf = new Map(
    area ? erdAreas(model).flatMap((other) => other.models.map((name) => [name, other.name])) : [],
  );
  for (const item of model.models)
    if (drawn.has(item.name))
      lines.push(`  ${id(item.name)} [label=<${table(item, keysOnly, keyLabels(item, isReference))}>];`);
  for (const name of stubs) lines.push(`  ${id(name)} [label=<${stub(name, areaOf.get(name))}>];`);
  for (const relation of relations) lines.push(`  ${edge(relation, star?.rowOf(relation.from, relation.to))}`);
  // Composite types are embedded, not related: a dashed edge from each model that embeds one.
  for (const { item, field } of embeds)
    lines.push(
      `  ${id(item.name)} -> ${id(field.type)} [label="embeds (${field.name})", style=dashed${minlen(star?.rowOf(item.name, field.type))}];`,
    );
  lines.push('}');
  return lines.join('\n');
}

/**
 * At least this many leaves (models linked to the hub alone) make a diagram a star; a stub (a name,
 * half a table's height) counts half. Drawn left to right, a star's leaves are one column beside its
 * hub: 8 tables are already twice as tall as the diagram is wide, and a User's group of 24 was
 * 311 × 2451 pt. A model's 8 stubs (dub's Link) are a column no taller than the model.
 */
const STAR_LEAVES = 8;

/**
 * A star-shaped diagram's hub (the model with the most leaves, the first of equals) and the row
 * of each model linked to it, counted from the hub (1, the nearest): each next table a row further,
 * the rows taking turns; undefined where the hub has fewer than STAR_LEAVES leaves. Drawn as they
 * point, all in one rank beside the hub, 25 tables were one column of 593 × 3141 pt; Graphviz's
 * `unflatten` staggers leaves the same way, by the length of their edge. Taking turns packs them
 * closer than rows of consecutive tables, which Graphviz draws as a staircase around the edges
 * passing by. The edges from the further rows pass the nearer ones' tables, widening each row by
 * as many: √(2n) rows, not √n, square the diagram (25 tables: 2068 × 1086 pt, not 2141 × 794).
 */
function starOf(links: ReadonlyArray<readonly [string, string]>, stubs: Set<string>) {
  const neighbours = new Map<string, Set<string>>();
  for (const [a, b] of links) {
    if (a === b) continue;
    neighbours.set(a, (neighbours.get(a) ?? new Set()).add(b));
    neighbours.set(b, (neighbours.get(b) ?? new Set()).add(a));
  }
  const leafWeight = (name: string) =>
    [...neighbours.get(name)!]
      .filter((other) => neighbours.get(other)!.size === 1)
      .reduce((sum, leaf) => sum + (stubs.has(leaf) ? 0.5 : 1), 0);
  const hub = [...neighbours.keys()].reduce<string | undefined>(
    (best, name) => (best !== undefined && leafWeight(best) >= leafWeight(name) ? best : name),
    undefined,
  );
  if (hub === undefined || leafWeight(hub) < STAR_LEAVES) return undefined;
  const linked = [...neighbours.get(hub)!];
  const rows = Math.ceil(Math.sqrt(2 * linked.length));
  const rowOf = new Map(linked.map((name, at) => [name, 1 + (at % rows)]));
  return {
    /** The row of a link's other end, where it is a link to the hub. */
    rowOf: (from: string, to: string) => (from === hub ? rowOf.get(to) : to === hub ? rowOf.get(from) : undefined),
  };
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

/** What each column holding a related row's key is: `FK`, a foreign key, or `ref`, a reference (isReferenceOf). */
function keyLabels(
  item: DataModel,
  isReference: (item: DataModel, field: Field) => boolean,
): Map<string, 'FK' | 'ref'> {
  const labels = new Map<string, 'FK' | 'ref'>();
  for (const field of item.fields)
    for (const column of field.relation?.fields ?? [])
      // A column keying both a table and a view is a foreign key all the same.
      if (labels.get(column) !== 'FK') labels.set(column, isReference(item, field) ? 'ref' : 'FK');
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

/** A relation's edge; `row`, its model's row from the star's hub it is linked to (starOf). */
function edge(relation: Relation, row?: number): string {
  const label = relation.fields.length
    ? `${relation.cardinality} (${relation.fields.join(', ')})`
    : relation.cardinality;
  const both = relation.cardinality === 'm:n' ? ', dir=both' : '';
  // Declared but left out of Prisma Client (@ignore, @@ignore): drawn, dotted, and marked.
  const ignored = relation.ignored ? ', style=dotted' : '';
  const text = relation.ignored ? `${label}, ignored` : label;
  return `${id(relation.from)} -> ${id(relation.to)} [label="${text.replace(/"/g, '\\"')}"${both}${ignored}${minlen(row)}];`;
}

/** An edge's length in ranks: a star's leaf's row (starOf). */
function minlen(row: number | undefined): string {
  return row === undefined ? '' : `, minlen=${row}`;
}

function id(name: string): string {
  return `"${name.replace(/"/g, '\\"')}"`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
