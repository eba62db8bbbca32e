/**
 * A parser for the part of CQL (Confluence Query Language) publishers and readers use:
 * clauses `field op value`, `and`/`or`/`not`, parentheses, `in (…)` lists and `order by`.
 * Tokens → AST; evaluation lives in evaluate.ts.
 */

export type CqlOperator = '=' | '!=' | '~' | '!~' | 'in' | 'not in' | '>' | '<' | '>=' | '<=';

export type CqlNode =
  | { kind: 'and'; left: CqlNode; right: CqlNode }
  | { kind: 'or'; left: CqlNode; right: CqlNode }
  | { kind: 'not'; operand: CqlNode }
  | { kind: 'clause'; field: string; operator: CqlOperator; values: string[] };

export interface CqlOrder {
  field: string;
  direction: 'asc' | 'desc';
}

export interface CqlQuery {
  where?: CqlNode;
  orderBy: CqlOrder[];
}

export class CqlError extends Error {
  constructor(
    readonly cql: string,
    detail: string,
  ) {
    super(`Could not parse cql : ${cql} (${detail})`);
    this.name = 'CqlError';
  }
}

type Token = { type: 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'comma'; value: string; pos: number };

function tokenize(cql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < cql.length) {
    const ch = cql[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "'") {
      let value = '';
      const start = i++;
      while (i < cql.length && cql[i] !== ch) {
        if (cql[i] === '\\' && i + 1 < cql.length) i++;
        value += cql[i++];
      }
      if (i >= cql.length) throw new CqlError(cql, `unterminated string starting at ${start}`);
      i++;
      tokens.push({ type: 'string', value, pos: start });
    } else if (ch === '(') {
      tokens.push({ type: 'lparen', value: ch, pos: i++ });
    } else if (ch === ')') {
      tokens.push({ type: 'rparen', value: ch, pos: i++ });
    } else if (ch === ',') {
      tokens.push({ type: 'comma', value: ch, pos: i++ });
    } else if (/[=!~<>]/.test(ch)) {
      const two = cql.slice(i, i + 2);
      const op = ['!=', '!~', '>=', '<='].includes(two) ? two : ch;
      if (op === '!') throw new CqlError(cql, `unexpected '!' at ${i}`);
      tokens.push({ type: 'op', value: op, pos: i });
      i += op.length;
    } else {
      const start = i;
      while (i < cql.length && !/[\s()=!~<>,"']/.test(cql[i]!)) i++;
      tokens.push({ type: 'word', value: cql.slice(start, i), pos: start });
    }
  }
  return tokens;
}

export function parseCql(cql: string): CqlQuery {
  const tokens = tokenize(cql);
  let index = 0;
  const peek = (): Token | undefined => tokens[index];
  const isWord = (word: string, token = peek()) => token?.type === 'word' && token.value.toLowerCase() === word;
  const fail = (detail: string): never => {
    throw new CqlError(cql, detail);
  };

  const parseOr = (): CqlNode => {
    let left = parseAnd();
    while (isWord('or')) {
      index++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };

  const parseAnd = (): CqlNode => {
    let left = parseNot();
    while (isWord('and')) {
      index++;
      left = { kind: 'and', left, right: parseNot() };
    }
    return left;
  };

  const parseNot = (): CqlNode => {
    if (isWord('not')) {
      index++;
      return { kind: 'not', operand: parseNot() };
    }
    return parsePrimary();
  };

  const parseValue = (): string => {
    const token = tokens[index++];
    if (!token || (token.type !== 'word' && token.type !== 'string'))
      fail(`expected a value at ${token?.pos ?? cql.length}`);
    // A function call such as currentUser() or now("-1d") evaluates to its text form.
    if (token!.type === 'word' && peek()?.type === 'lparen') {
      index++;
      const args: string[] = [];
      while (peek() && peek()!.type !== 'rparen') {
        const arg = tokens[index++]!;
        if (arg.type !== 'comma') args.push(arg.value);
      }
      if (!peek()) fail('unclosed function call');
      index++;
      return `${token!.value}(${args.join(',')})`;
    }
    return token!.value;
  };

  const parsePrimary = (): CqlNode => {
    const token = peek();
    if (!token) return fail('unexpected end of query');
    if (token.type === 'lparen') {
      index++;
      const inner = parseOr();
      if (peek()?.type !== 'rparen') fail(`expected ')' at ${peek()?.pos ?? cql.length}`);
      index++;
      return inner;
    }
    if (token.type !== 'word') return fail(`expected a field name at ${token.pos}`);
    index++;
    const field = token.value.toLowerCase();
    let operator: CqlOperator;
    const next = peek();
    if (next?.type === 'op') {
      operator = next.value as CqlOperator;
      index++;
    } else if (isWord('in')) {
      operator = 'in';
      index++;
    } else if (isWord('not') && isWord('in', tokens[index + 1])) {
      operator = 'not in';
      index += 2;
    } else {
      return fail(`expected an operator after '${token.value}' at ${next?.pos ?? cql.length}`);
    }
    if (operator === 'in' || operator === 'not in') {
      if (peek()?.type !== 'lparen') fail(`expected '(' after ${operator}`);
      index++;
      const values: string[] = [];
      while (peek() && peek()!.type !== 'rparen') {
        values.push(parseValue());
        if (peek()?.type === 'comma') index++;
      }
      if (!peek()) fail('unclosed value list');
      index++;
      return { kind: 'clause', field, operator, values };
    }
    return { kind: 'clause', field, operator, values: [parseValue()] };
  };

  let where: CqlNode | undefined;
  if (tokens.length > 0 && !isWord('order')) where = parseOr();
  const orderBy: CqlOrder[] = [];
  if (isWord('order')) {
    index++;
    if (!isWord('by')) fail("expected 'by' after 'order'");
    index++;
    do {
      if (peek()?.type === 'comma') index++;
      const field = tokens[index++];
      if (!field || field.type !== 'word') fail('expected a field after order by');
      let direction: 'asc' | 'desc' = 'asc';
      if (isWord('asc') || isWord('desc')) direction = tokens[index++]!.value.toLowerCase() as 'asc' | 'desc';
      orderBy.push({ field: field!.value.toLowerCase(), direction });
    } while (peek()?.type === 'comma');
  }
  if (index < tokens.length) fail(`unexpected '${tokens[index]!.value}' at ${tokens[index]!.pos}`);
  return { where, orderBy };
}
