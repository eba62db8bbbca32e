/**
 * A made-up string that matches a schema's `pattern`: `^[A-Z]{2}[0-9]{2}$` gives `AA00`,
 * `^(draft|live)$` gives `draft`, `^sk_[a-z0-9]{4,}$` gives `sk_aaaa`. It reads the subset of
 * regular expressions that specs use (literals, escapes, character classes, `.`, groups,
 * alternation, anchors and quantifiers) and builds one value from it, the first choice each time,
 * in one pass over the pattern, so no pattern can make it hang; a lookahead is left out of the
 * value, which the pattern is then asked about. A pattern beyond the subset (lookbehind,
 * back-references, `\b`, Unicode properties) gives undefined: the caller then shows a
 * value that says which pattern it should match rather than one that breaks it.
 *
 * No library: randexp (the usual one) pulls in two more packages and makes up random text, which
 * would change every page at every run; this is ~200 lines, deterministic and offline.
 */

/** A piece of a pattern: a choice of characters (a literal, a class, `.`), a group, an anchor. */
type Atom = { chars: (c: string) => boolean; first: string } | { group: Alternatives } | { anchor: true };
interface Repeat {
  atom: Atom;
  min: number;
  max: number;
}
type Sequence = Repeat[];
type Alternatives = Sequence[];

/** Longest value made up (a `{1000000}` count is beyond it). */
const MAX_LENGTH = 1000;
/** Longest value checked against a risky pattern: backtracking over it takes at most ~2^20 steps. */
const SAFE_LENGTH = 20;
/** Characters tried, in this order, for a class: readable ones first (`[^/]` gives `a`). */
const CANDIDATES = 'aA0b1-_. xyz~!@#$%&*+=:;,?/|\\\'"()[]{}<>^`';

class Unsupported extends Error {}

class Parser {
  private index = 0;
  /** A repeated group holding a repeat or a choice (`^([a-z]+-)*$`): a backtracking engine could take exponential time on it. */
  risky = false;
  /** A part the value is not built to match (a lookahead): only the pattern itself can say whether it does. */
  unchecked = false;

  constructor(private readonly source: string) {}

  parse(): Alternatives {
    const alternatives = this.alternatives();
    if (this.index < this.source.length) throw new Unsupported(); // an unmatched `)`
    return alternatives;
  }

  private alternatives(): Alternatives {
    const out: Alternatives = [this.sequence()];
    while (this.source[this.index] === '|') {
      this.index += 1;
      out.push(this.sequence());
    }
    return out;
  }

  private sequence(): Sequence {
    const out: Sequence = [];
    while (this.index < this.source.length && this.source[this.index] !== '|' && this.source[this.index] !== ')') {
      const atom = this.atom();
      const [min, max] = this.quantifier();
      if (max > 1 && 'group' in atom && (atom.group.length > 1 || atom.group.some((s) => s.some((r) => r.max > 1))))
        this.risky = true;
      out.push({ atom, min, max });
    }
    return out;
  }

  private atom(): Atom {
    const c = this.source[this.index++]!;
    switch (c) {
      case '^':
      case '$':
        return { anchor: true };
      case '.':
        return { chars: (x) => x !== '\n' && x !== '\r', first: 'a' };
      case '[':
        return this.characterClass();
      case '(':
        return this.group();
      case '\\':
        return this.escape(false);
      case '*':
      case '+':
      case '?':
        throw new Unsupported(); // nothing to repeat
      default:
        return literal(c);
    }
  }

  private group(): Atom {
    if (this.source[this.index] === '?') {
      const kind = this.source.slice(this.index, this.index + 3);
      if (kind.startsWith('?!') || kind.startsWith('?=')) return this.lookahead();
      if (kind.startsWith('?:')) this.index += 2;
      else if (kind === '?<=' || kind === '?<!' || !kind.startsWith('?<'))
        throw new Unsupported(); // lookbehind, inline flags
      else this.index = this.source.indexOf('>', this.index) + 1 || this.source.length; // a named group
    }
    const group = this.alternatives();
    if (this.source[this.index++] !== ')') throw new Unsupported();
    return { group };
  }

  /**
   * A lookahead (`(?!-)`, `(?=.*\d)`): read, then left out of the value, which the pattern itself
   * is asked about afterwards (see stringMatching). AWS's host names begin `(?!-)`.
   */
  private lookahead(): Atom {
    this.index += 2;
    this.alternatives();
    if (this.source[this.index++] !== ')') throw new Unsupported();
    this.unchecked = true;
    return { group: [[]] };
  }

  private escape(inClass: boolean): Atom {
    const c = this.source[this.index++];
    if (c === undefined) throw new Unsupported();
    const digit = (x: string) => x >= '0' && x <= '9';
    const word = (x: string) => /^[A-Za-z0-9_]$/.test(x);
    const space = (x: string) => /^\s$/.test(x);
    switch (c) {
      case 'd':
        return { chars: digit, first: '0' };
      case 'D':
        return { chars: (x) => !digit(x), first: 'a' };
      case 'w':
        return { chars: word, first: 'a' };
      case 'W':
        return { chars: (x) => !word(x), first: '-' };
      case 's':
        return { chars: space, first: ' ' };
      case 'S':
        return { chars: (x) => !space(x), first: 'a' };
      case 'n':
        return literal('\n');
      case 't':
        return literal('\t');
      case 'r':
        return literal('\r');
      case 'f':
        return literal('\f');
      case 'v':
        return literal('\v');
      case 'x':
        return literal(this.hex(2));
      case 'u':
        return literal(this.hex(4));
      case 'b':
        if (inClass) return literal('\b');
        throw new Unsupported(); // a word boundary
      default:
        // Back-references, `\B`, `\p{…}`, `\k<…>`, control escapes.
        if (/[0-9BpPkc]/.test(c) && !(inClass && c === '0')) throw new Unsupported();
        return literal(c);
    }
  }

  private hex(length: number): string {
    const digits = this.source.slice(this.index, this.index + length);
    if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== length) throw new Unsupported();
    this.index += length;
    return String.fromCharCode(parseInt(digits, 16));
  }

  private characterClass(): Atom {
    const negated = this.source[this.index] === '^';
    if (negated) this.index += 1;
    const members: Array<(c: string) => boolean> = [];
    const starts: string[] = [];
    let first = true;
    while (this.source[this.index] !== ']' || first) {
      if (this.index >= this.source.length) throw new Unsupported();
      first = false;
      const from = this.classCharacter();
      if (this.source[this.index] === '-' && this.source[this.index + 1] !== ']' && typeof from === 'string') {
        this.index += 1;
        const to = this.classCharacter();
        if (typeof to !== 'string' || to < from) throw new Unsupported();
        members.push((c) => c >= from && c <= to);
        starts.push(from);
      } else if (typeof from === 'string') {
        members.push((c) => c === from);
        starts.push(from);
      } else members.push(from.chars);
    }
    this.index += 1;
    const inClass = (c: string) => members.some((member) => member(c));
    const chars = negated ? (c: string) => !inClass(c) : inClass;
    const pick = [...CANDIDATES, ...(negated ? [] : starts)].find(chars);
    if (pick === undefined) throw new Unsupported();
    return { chars, first: pick };
  }

  /** One member of a class: a character, or a class escape (`\d`) as its test. */
  private classCharacter(): string | { chars: (c: string) => boolean } {
    const c = this.source[this.index++]!;
    if (c !== '\\') return c;
    const atom = this.escape(true);
    if (!('chars' in atom)) throw new Unsupported();
    return /[dDwWsS]/.test(this.source[this.index - 1]!) ? atom : atom.first;
  }

  /** `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}` (lazy or not): the counts allowed; none is once. */
  private quantifier(): [number, number] {
    const c = this.source[this.index];
    let bounds: [number, number] | undefined;
    if (c === '?') bounds = [0, 1];
    else if (c === '*') bounds = [0, Infinity];
    else if (c === '+') bounds = [1, Infinity];
    if (bounds) this.index += 1;
    else {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.index));
      if (!braces) return [1, 1];
      this.index += braces[0].length;
      const min = Number(braces[1]);
      bounds = [min, braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Infinity];
      if (bounds[1] < min) throw new Unsupported();
    }
    if (this.source[this.index] === '?') this.index += 1; // lazy
    return bounds;
  }
}

function literal(c: string): Atom {
  return { chars: (x) => x === c, first: c };
}

/**
 * Builds the value: the first alternative, each repeat its fewest times but at least once (`*`
 * gives one item, `?` none; with `fewest`, `*` none too), then, while the value is shorter than
 * `need`, a repeat with room adds items.
 */
function build(alternatives: Alternatives, budget: { need: number }, fewest = false): string {
  let out = '';
  for (const { atom, min, max } of alternatives[0]!) {
    if ('anchor' in atom) continue;
    const once = () => ('group' in atom ? build(atom.group, budget, fewest) : atom.first);
    let count = min > 0 || fewest ? min : max === 1 ? 0 : 1;
    if (count > MAX_LENGTH) throw new Unsupported();
    for (let i = 0; i < count; i += 1) {
      out += once();
      if (out.length > MAX_LENGTH) throw new Unsupported();
    }
    while (budget.need > 0 && count < max) {
      const more = once();
      if (!more.length) break;
      out += more;
      budget.need -= more.length;
      count += 1;
    }
    if (out.length > MAX_LENGTH) throw new Unsupported();
  }
  return out;
}

/** A string matching `pattern` and the length bounds, or undefined when docgen cannot make one. */
export function stringMatching(pattern: string, minLength = 0, maxLength = Infinity): string | undefined {
  const parser = new Parser(pattern);
  let value: string;
  try {
    const tree = parser.parse();
    value = build(tree, { need: 0 });
    // AWS Clean Rooms' 36-character UUID between `.*` and `.*`: each `*` once makes 38.
    const fewest = value.length > maxLength;
    if (fewest) value = build(tree, { need: 0 }, true);
    if (value.length < minLength) value = build(tree, { need: minLength - value.length }, fewest);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  if (value.length < minLength || value.length > maxLength) return undefined;
  // A check of the reading above; skipped for a long value on a pattern a backtracking engine
  // could take exponential time on.
  if (parser.risky && value.length > SAFE_LENGTH) return parser.unchecked ? undefined : value;
  return matches(pattern, value) ? value : undefined;
}

/**
 * Whether `value` matches `pattern` (ECMA-262, as JSON Schema says; unanchored), when that is safe
 * to ask: undefined for a pattern JavaScript cannot read or one whose repeated groups could make
 * the check take exponential time.
 */
export function matchesPattern(pattern: string, value: string): boolean | undefined {
  const parser = new Parser(pattern);
  try {
    parser.parse();
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    parser.risky = true; // not read through: whether it is risky is not known
  }
  if (parser.risky && value.length > SAFE_LENGTH) return undefined;
  return matches(pattern, value);
}

function matches(pattern: string, value: string): boolean | undefined {
  for (const flags of ['u', '']) {
    try {
      return new RegExp(pattern, flags).test(value);
    } catch {
      // Not a pattern in this mode: try without `u` (`[\w-.]` is one only without it).
    }
  }
  return undefined;
}
