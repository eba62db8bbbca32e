import { CqlError, type CqlNode, type CqlQuery } from './parse.js';

/** What a CQL clause can look at for one piece of content. */
export interface CqlDocument {
  id: number;
  type: string;
  title: string;
  spaceKey: string;
  /** Storage body with tags stripped. */
  text: string;
  labels: string[];
  parentId: number | null;
  ancestorIds: number[];
  creator: string;
  created: string;
  lastModified: string;
}

const fieldAliases: Record<string, string> = {
  'space.key': 'space',
  'content.id': 'id',
  content: 'id',
  lastmod: 'lastmodified',
  'label.name': 'label',
};

/** Lower-cased words of the term must all appear in the target (`*` = prefix wildcard). */
function fuzzyMatch(target: string, term: string): boolean {
  const haystack = target.toLowerCase();
  return term
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word.replace(/\*/g, '').replace(/\?/g, '')));
}

function compare(actual: string, operator: string, expected: string): boolean {
  switch (operator) {
    case '>':
      return actual > expected;
    case '<':
      return actual < expected;
    case '>=':
      return actual >= expected;
    case '<=':
      return actual <= expected;
    default:
      return false;
  }
}

function clauseMatches(cql: string, node: Extract<CqlNode, { kind: 'clause' }>, doc: CqlDocument): boolean {
  const field = fieldAliases[node.field] ?? node.field;
  const { operator, values } = node;
  const equalsAny = (candidates: string[], caseInsensitive = true) =>
    values.some((v) => candidates.some((c) => (caseInsensitive ? c.toLowerCase() === v.toLowerCase() : c === v)));
  const single = (candidates: string[], fuzzyTarget?: string): boolean => {
    switch (operator) {
      case '=':
      case 'in':
        return equalsAny(candidates);
      case '!=':
      case 'not in':
        return !equalsAny(candidates);
      case '~':
        if (fuzzyTarget === undefined) throw new CqlError(cql, `operator ~ is not supported for field '${node.field}'`);
        return values.some((v) => fuzzyMatch(fuzzyTarget, v));
      case '!~':
        if (fuzzyTarget === undefined)
          throw new CqlError(cql, `operator !~ is not supported for field '${node.field}'`);
        return !values.some((v) => fuzzyMatch(fuzzyTarget, v));
      default:
        return candidates.some((c) => compare(c, operator, values[0]!));
    }
  };
  switch (field) {
    case 'type':
      return single([doc.type]);
    case 'space':
      return single([doc.spaceKey]);
    case 'title':
      return single([doc.title], doc.title);
    case 'text':
      return single([], `${doc.title}\n${doc.text}`);
    case 'label':
      return single(doc.labels);
    case 'id':
      return single([String(doc.id)]);
    case 'parent':
      return single(doc.parentId == null ? [] : [String(doc.parentId)]);
    case 'ancestor':
      return single(doc.ancestorIds.map(String));
    case 'creator':
      return single([doc.creator]);
    case 'created':
      return single([doc.created]);
    case 'lastmodified':
      return single([doc.lastModified]);
    default:
      throw new CqlError(cql, `unsupported field '${node.field}'`);
  }
}

export function matches(cql: string, node: CqlNode | undefined, doc: CqlDocument): boolean {
  if (!node) return true;
  switch (node.kind) {
    case 'and':
      return matches(cql, node.left, doc) && matches(cql, node.right, doc);
    case 'or':
      return matches(cql, node.left, doc) || matches(cql, node.right, doc);
    case 'not':
      return !matches(cql, node.operand, doc);
    case 'clause':
      return clauseMatches(cql, node, doc);
  }
}

/** Filter and order documents; without `order by`, oldest content first (stable for paging). */
export function runCql(cql: string, query: CqlQuery, docs: CqlDocument[]): CqlDocument[] {
  const hits = docs.filter((doc) => matches(cql, query.where, doc));
  const keyOf = (doc: CqlDocument, field: string): string | number => {
    switch (fieldAliases[field] ?? field) {
      case 'title':
        return doc.title.toLowerCase();
      case 'created':
        return doc.created;
      case 'lastmodified':
        return doc.lastModified;
      case 'id':
        return doc.id;
      case 'space':
        return doc.spaceKey;
      case 'type':
        return doc.type;
      default:
        throw new CqlError(cql, `cannot order by '${field}'`);
    }
  };
  const orders = query.orderBy.length > 0 ? query.orderBy : [{ field: 'id', direction: 'asc' as const }];
  return hits.sort((a, b) => {
    for (const { field, direction } of orders) {
      const left = keyOf(a, field);
      const right = keyOf(b, field);
      if (left !== right) return (left < right ? -1 : 1) * (direction === 'desc' ? -1 : 1);
    }
    return a.id - b.id;
  });
}
