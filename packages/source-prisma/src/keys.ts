import type { DataModel, Field, PrismaModel } from './model.js';

/**
 * Whether Prisma Client keeps the relations rather than the database: MongoDB has no foreign keys (a
 * field holds the other document's id), and `prisma` is its only relation mode; a database with
 * relationMode = "prisma" (PlanetScale, Vitess) has none either.
 */
export function relationsEmulated(model: PrismaModel): boolean {
  return model.provider === 'mongodb' || model.relationMode === 'prisma';
}

/**
 * Whether a relation field's key columns are a reference rather than a foreign key: where the
 * relations are emulated (relationsEmulated), in a view, or keying a view (the database constrains
 * no view's rows). The model pages say "reference" and the ERD `ref` there, "foreign key" and `FK`
 * elsewhere. Made once per model, as it reads the views once.
 */
export function isReferenceOf(model: PrismaModel): (item: DataModel, field: Field) => boolean {
  const emulated = relationsEmulated(model);
  const views = new Set(model.models.filter((item) => item.kind === 'view').map((item) => item.name));
  return (item, field) => emulated || item.kind === 'view' || views.has(field.type);
}
