/**
 * Tags and the pages they make: the spec's `tags` list (OpenAPI 3.2's `summary`, `parent` and
 * `kind`), which of an operation's tags group it onto a page and which are labels on it, the
 * operations grouped by tag (untagged ones under OTHER_TAG) and tags nested under their parents.
 */
import { anchorSlug } from '@docgen/core';
import type { SpecPointer } from './load.js';
import type { Operation, TagGroup } from './model.js';
import { child } from './schemas.js';
import { externalDocsOf } from './external-docs.js';
import { type Json, type DeclaredTag, text, type WalkContext } from './walk.js';

export const OTHER_TAG = 'Other';

/** The spec's `tags` list, by name case folded; the first declaration of a name wins. */
export function declaredTags(document: Json, root: SpecPointer): Map<string, DeclaredTag> {
  const tags = new Map<string, DeclaredTag>();
  if (!Array.isArray(document.tags)) return tags;
  (document.tags as Json[]).forEach((tag, index) => {
    if (!tag || typeof tag.name !== 'string' || tags.has(tag.name.toLowerCase())) return;
    tags.set(tag.name.toLowerCase(), {
      name: tag.name,
      description: text(tag.description),
      ...(externalDocsOf(tag.externalDocs) && { externalDocs: externalDocsOf(tag.externalDocs) }),
      summary: text(tag.summary),
      parent: text(tag.parent),
      kind: text(tag.kind),
      at: child(root, 'tags', index),
    });
  });
  return tags;
}

/**
 * OpenAPI 3.2's `kind` says what a tag is for: `nav` (or none) groups operations into pages;
 * any other (`badge`, `audience`…) describes an operation, so it is shown on it as a label.
 */
function isNavigationTag(tag: DeclaredTag | undefined): boolean {
  return tag?.kind === undefined || tag.kind === 'nav';
}

export function navigationAndLabels(context: WalkContext, names: string[]): Pick<Operation, 'tags' | 'labels'> {
  const labels: NonNullable<Operation['labels']> = [];
  const tags: string[] = [];
  for (const name of names) {
    const declared = context.declaredTags.get(name.toLowerCase());
    if (isNavigationTag(declared)) tags.push(name);
    else labels.push({ kind: declared!.kind!, name: declared!.summary ?? declared!.name });
  }
  return labels.length ? { tags, labels } : { tags };
}

/**
 * One page per tag. Tags that differ only by case (`Pets` on one operation, `pets` on another) are
 * one tag written two ways: they share a page named as the spec's `tags` list declares it (else as
 * first used), and the run says so at the first operation that spells it differently. Two pages
 * "Pets" and "pets" would read as a mistake, and Confluence titles collide regardless of case.
 */
export function groupByTag(
  context: WalkContext,
  operations: Operation[],
  operationAt: Map<Operation, SpecPointer>,
): TagGroup[] {
  const groups = new Map<string, TagGroup & { listed?: boolean }>();
  const slugs = new Set<string>();
  const reported = new Set<string>();
  const group = (name: string, description?: string) => {
    const folded = name.toLowerCase();
    let existing = groups.get(folded);
    if (!existing) {
      const base = anchorSlug(name);
      let slug = base;
      for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
      slugs.add(slug);
      existing = { name, description, slug, operations: [] };
      groups.set(folded, existing);
    } else if (existing.description === undefined) existing.description = description;
    return existing;
  };
  for (const tag of context.declaredTags.values())
    if (isNavigationTag(tag)) {
      const declared = group(tag.name, tag.description);
      if (tag.summary !== undefined) declared.displayName = tag.summary;
      if (tag.externalDocs && !declared.externalDocs) declared.externalDocs = tag.externalDocs;
    }
  for (const operation of operations) {
    const name = operation.tags[0] ?? OTHER_TAG;
    const target = group(name);
    target.operations.push(operation);
    if (operation.tags[0] !== undefined && target.name !== name && !reported.has(name)) {
      reported.add(name);
      const at = operationAt.get(operation);
      context.report({
        code: 'DG_OPENAPI_TAG_CASE',
        severity: 'warning',
        message: `tag "${name}" differs from "${target.name}" only by case; its operations are listed on the "${target.name}" page`,
        ...(at ? context.spec.where(at) : {}),
        hint: `spell the tag "${target.name}" everywhere`,
      });
    }
  }
  // A tag only ever listed second still gets its page, of links to where its operations live.
  for (const operation of operations) for (const name of operation.tags.slice(1)) group(name).listed = true;
  nestTags(context, groups);
  // Declared tags no operation uses are dropped: a page with no operations helps no one. A parent
  // whose sub-tags have operations stays: their pages hang under its page.
  const used = new Set<string>();
  for (const g of groups.values())
    if (g.operations.length > 0 || g.listed)
      for (
        let at: TagGroup | undefined = g;
        at && !used.has(at.name);
        at = at.parent ? groups.get(at.parent.toLowerCase()) : undefined
      )
        used.add(at.name);
  return [...groups.values()].filter((g) => used.has(g.name)).map(({ listed: _, ...tag }) => tag);
}

/**
 * OpenAPI 3.2's `parent`: a tag's page goes under its parent tag's. A parent that is not a
 * declared navigation tag, or that leads back to the tag, is reported and the tag stays on top.
 */
function nestTags(context: WalkContext, groups: Map<string, TagGroup>): void {
  for (const tag of context.declaredTags.values()) {
    const group = groups.get(tag.name.toLowerCase());
    if (!group || tag.parent === undefined) continue;
    const parent = groups.get(tag.parent.toLowerCase());
    const problem =
      !parent || !isNavigationTag(context.declaredTags.get(tag.parent.toLowerCase()))
        ? `is not a navigation tag declared in \`tags\``
        : leadsBackTo(context, parent.name, group.name)
          ? `leads back to "${tag.name}" (a cycle)`
          : undefined;
    if (problem === undefined) {
      group.parent = parent!.name;
      continue;
    }
    context.report({
      code: 'DG_OPENAPI_TAG_PARENT',
      severity: 'warning',
      message: `tag "${tag.name}" has parent "${tag.parent}", which ${problem}; its page is placed at the top level`,
      ...context.spec.where(child(tag.at, 'parent')),
      hint: 'name a tag of the `tags` list (kind `nav` or none) that is not nested under this one',
    });
  }
}

/** Whether following `parent`s from tag `name` reaches tag `target`. */
function leadsBackTo(context: WalkContext, name: string, target: string): boolean {
  const seen = new Set<string>();
  for (let at: string | undefined = name; at !== undefined; at = context.declaredTags.get(at.toLowerCase())?.parent) {
    if (at.toLowerCase() === target.toLowerCase()) return true;
    if (seen.has(at.toLowerCase())) return false;
    seen.add(at.toLowerCase());
  }
  return false;
}
