import type Handlebars from 'handlebars';
import { closestName, codeFrame, type Diagnostic } from './diagnostics.js';

/**
 * Field checks for the user's template overrides. Templates compile non-strict, so a misspelt
 * field passed to a helper or read through a path (`{{cell dat}}`, `{{op.dat}}` for `date`)
 * renders empty without a word (a bare `{{dat}}` already fails, through `helperMissing`). Handlebars' own `strict` mode
 * would throw at the first one and stop the run, and cannot tell a typo from an optional field
 * the model leaves out. Instead, an override's field lookups go through a helper that resolves
 * them exactly as Handlebars does and remembers, per place in the template, whether the field was
 * ever there: a place whose field no render of the run found is reported, with the fields the
 * model offered there. Presence tests (`{{#if deprecated}}`, `{{default x "—"}}`) are not
 * checked: leaving a field out is what they are for. The plugins' own templates are not
 * instrumented at all (they are compiled, or precompiled, as before).
 */

/** The helper an instrumented lookup calls; no user or plugin helper is expected to be named so. */
export const FIELD_CHECK_HELPER = '__docgenField';

/** Helpers whose arguments test whether a field is there: a missing one is their point. */
const PRESENCE_TESTS = new Set(['if', 'unless', 'and', 'or', 'not', 'default']);
/**
 * Blocks that render nothing for a field left out, as templates use them for optional lists and
 * objects (`{{#each fields}}`): a missing field there is reported only when it is one or two
 * letters off a field the model has (`{{#each feilds}}`), which a field left out seldom is.
 */
const OPTIONAL_BLOCKS = new Set(['each', 'with']);

/** How closely an argument's fields are checked. */
type Checking = 'all' | 'typos' | 'none';

/** How many of the fields there a hint lists. */
const LISTED_FIELDS = 20;

interface TemplateText {
  file: string;
  text: string;
}

/** One field lookup in an override: where it is written, and what its renders found. */
interface LookupSite {
  template: TemplateText;
  line: number;
  /** 0-based, as Handlebars counts. */
  column: number;
  /** The path as written (`op.sumary`). */
  written: string;
  found: boolean;
  /** Reported only when a field the model has is one or two letters off (OPTIONAL_BLOCKS). */
  typosOnly: boolean;
  /** The first part no render found, and the fields the object it was looked up on had. */
  missing?: { part: string; fields: Set<string> };
}

type Node = Record<string, unknown> & { type: string; loc?: { start: { line: number; column: number } } };
type PathNode = Node & { data: boolean; depth: number; parts: string[]; original: string };

export interface FieldChecks {
  /** Rewrite an override's lookups to go through the check (the AST is changed in place). */
  instrument(ast: ReturnType<typeof Handlebars.parse>, template: TemplateText): ReturnType<typeof Handlebars.parse>;
  /** The places no render found its field: one warning each. */
  unknownFields(plugin?: string): Diagnostic[];
}

/** Register the check helper on a Handlebars environment; instrument overrides with the result. */
export function createFieldChecks(handlebars: typeof Handlebars): FieldChecks {
  const sites: LookupSite[] = [];
  handlebars.registerHelper(FIELD_CHECK_HELPER, function (this: unknown, ...args: unknown[]) {
    const options = args.pop() as Handlebars.HelperOptions;
    const [base, ...parts] = args as [unknown, ...string[]];
    const site = sites[options.hash.site as number]!;
    const value = lookUp(site, base, parts);
    // `{{a.b}}` alone calls a function it finds, as Handlebars' own lookup does.
    return options.hash.call && typeof value === 'function' ? (value as () => unknown).call(this) : value;
  });
  const helperNames = () => new Set(Object.keys(handlebars.helpers));
  return {
    instrument(ast, template) {
      const site = (path: PathNode, typosOnly: boolean) => {
        sites.push({
          template,
          line: path.loc?.start.line ?? 1,
          column: path.loc?.start.column ?? 0,
          written: path.original,
          found: false,
          typosOnly,
        });
        return sites.length - 1;
      };
      instrumentProgram(ast as unknown as Node, { blockParams: [], helpers: helperNames(), site });
      return ast;
    },
    unknownFields(plugin) {
      return sites
        .filter((site) => !site.found && site.missing)
        .filter((site) => !site.typosOnly || closestName(site.missing!.part, site.missing!.fields) !== undefined)
        .map((site) => unknownFieldWarning(site, plugin));
    },
  };
}

/** Resolve `parts` from `base` as Handlebars does (own properties only), noting what was found. */
function lookUp(site: LookupSite, base: unknown, parts: string[]): unknown {
  let value = base;
  for (const part of parts) {
    // A field that is there but empty (`{{contact.email}}` where `contact: undefined`) is no misspelling.
    if (value === undefined || value === null) return undefined;
    const object = Object(value) as Record<string, unknown>;
    if (!Object.prototype.hasOwnProperty.call(object, part)) {
      if (!site.found) {
        site.missing ??= { part, fields: new Set() };
        if (site.missing.part === part) for (const field of Object.keys(object)) site.missing.fields.add(field);
      }
      return undefined;
    }
    value = object[part];
  }
  site.found = true;
  return value;
}

function unknownFieldWarning(site: LookupSite, plugin: string | undefined): Diagnostic {
  const { part, fields } = site.missing!;
  const known = [...fields].filter((field) => !/^\d+$/.test(field)).sort();
  const meant = closestName(part, known);
  const listed = known.length > LISTED_FIELDS ? `${known.slice(0, LISTED_FIELDS).join(', ')}, …` : known.join(', ');
  const giver = plugin ? `the ${plugin} plugin gives` : 'the template gets';
  return {
    code: 'DG_TEMPLATE_FIELD',
    severity: 'warning',
    message: `{{${site.written}}} renders empty: ${giver} no field "${part}" there`,
    location: { file: site.template.file, line: site.line, column: site.column + 1 },
    excerpt: codeFrame(site.template.text, site.line, site.column + 1),
    hint: [
      meant ? `did you mean "${meant}"?` : undefined,
      known.length ? `fields there: ${listed}` : 'the value there has no fields',
      '(a field that may be left out is tested with {{#if …}})',
    ]
      .filter(Boolean)
      .join(' '),
  };
}

interface Scope {
  /** Block parameters in scope (`{{#each items as |item|}}`): their names are no fields. */
  blockParams: string[];
  /** Helper names: `{{title}}` is a helper call when a helper is named `title`. */
  helpers: Set<string>;
  site(path: PathNode, typosOnly: boolean): number;
}

function instrumentProgram(program: Node | undefined, scope: Scope): void {
  if (!program) return;
  const inner = { ...scope, blockParams: [...((program.blockParams as string[]) ?? []), ...scope.blockParams] };
  for (const statement of program.body as Node[]) instrumentStatement(statement, inner);
}

function instrumentStatement(node: Node, scope: Scope): void {
  switch (node.type) {
    case 'MustacheStatement': {
      const path = node.path as Node;
      if (isCallOf(node)) instrumentCall(node, scope);
      // `{{field}}` alone is left as it is: Handlebars asks `helperMissing` when it finds neither a
      // helper nor a field, and ours stops the run there, naming the fields there.
      else if (
        path.type === 'PathExpression' &&
        isField(path as PathNode, scope) &&
        !isAmbiguous(path as PathNode, scope)
      ) {
        // `{{a.b}}`: the statement becomes `{{__docgenField <base> "a" "b" site=N call=true}}`.
        const check = checkedLookup(path as PathNode, scope, { call: true, typosOnly: false });
        Object.assign(node, { path: check.path, params: check.params, hash: check.hash });
      }
      return;
    }
    case 'BlockStatement':
    case 'DecoratorBlock':
    case 'PartialBlockStatement':
      if (node.type !== 'PartialBlockStatement') instrumentCall(node, scope);
      else instrumentArguments(node, scope, 'all');
      instrumentProgram(node.program as Node, scope);
      instrumentProgram(node.inverse as Node | undefined, scope);
      return;
    case 'PartialStatement':
      instrumentArguments(node, scope, 'all');
      return;
    default:
      return; // content, comments, decorators: no field lookups
  }
}

/** `{{helper a b key=c}}` or a block: the arguments are checked unless the helper tests presence. */
function isCallOf(node: Node): boolean {
  return ((node.params as Node[]) ?? []).length > 0 || ((node.hash as Node | undefined)?.pairs as Node[])?.length > 0;
}

function instrumentCall(node: Node, scope: Scope): void {
  const path = node.path as PathNode;
  const helper = path.type === 'PathExpression' ? path.original : '';
  instrumentArguments(node, scope, PRESENCE_TESTS.has(helper) ? 'none' : OPTIONAL_BLOCKS.has(helper) ? 'typos' : 'all');
}

function instrumentArguments(node: Node, scope: Scope, checking: Checking): void {
  const params = (node.params as Node[]) ?? [];
  node.params = params.map((param) => instrumentExpression(param, scope, checking));
  for (const pair of ((node.hash as Node | undefined)?.pairs as Node[]) ?? [])
    pair.value = instrumentExpression(pair.value as Node, scope, checking);
}

function instrumentExpression(node: Node, scope: Scope, checking: Checking): Node {
  if (node.type === 'SubExpression') {
    instrumentCall(node, scope);
    return node;
  }
  if (node.type !== 'PathExpression' || checking === 'none' || !isField(node as PathNode, scope)) return node;
  const check = checkedLookup(node as PathNode, scope, { call: false, typosOnly: checking === 'typos' });
  return { type: 'SubExpression', loc: node.loc, ...check };
}

/** A path that looks a field up: not `this`, `@index`, a helper's name or a bare block parameter. */
function isField(path: PathNode, scope: Scope): boolean {
  if (path.parts.length === 0) return false;
  if (path.data) return path.parts[0] === 'root' && path.parts.length > 1;
  const scoped = /^\.|^this\b/.test(path.original);
  if (!scoped && path.depth === 0 && path.parts.length === 1 && scope.helpers.has(path.parts[0]!)) return false;
  return !(isBlockParam(path, scope) && path.parts.length === 1);
}

/** `{{name}}`: a helper's name or a field, as Handlebars reads it. */
function isAmbiguous(path: PathNode, scope: Scope): boolean {
  const scoped = /^\.|^this\b/.test(path.original);
  return !path.data && !scoped && path.depth === 0 && path.parts.length === 1 && !isBlockParam(path, scope);
}

function isBlockParam(path: PathNode, scope: Scope): boolean {
  return (
    !path.data && path.depth === 0 && !/^\.|^this\b/.test(path.original) && scope.blockParams.includes(path.parts[0]!)
  );
}

/** The call that looks `path` up from the object it starts at (`this`, `..`, `@root`, a block parameter). */
function checkedLookup(
  path: PathNode,
  scope: Scope,
  { call, typosOnly }: { call: boolean; typosOnly: boolean },
): Pick<Node, 'path' | 'params' | 'hash'> {
  const loc = path.loc;
  const fromFirstPart = path.data || isBlockParam(path, scope);
  const base: PathNode = {
    type: 'PathExpression',
    data: path.data,
    depth: path.depth,
    parts: fromFirstPart ? [path.parts[0]!] : [],
    original: fromFirstPart
      ? `${path.data ? '@' : ''}${path.parts[0]}`
      : path.depth
        ? Array(path.depth).fill('..').join('/')
        : 'this',
    loc,
  };
  const rest = path.parts.slice(fromFirstPart ? 1 : 0);
  const literal = (value: string) => ({ type: 'StringLiteral', value, original: value, loc });
  const pair = (key: string, value: Node) => ({ type: 'HashPair', key, value, loc });
  const helper = {
    type: 'PathExpression',
    data: false,
    depth: 0,
    parts: [FIELD_CHECK_HELPER],
    original: FIELD_CHECK_HELPER,
    loc,
  };
  const site = { type: 'NumberLiteral', value: scope.site(path, typosOnly), original: 0, loc };
  const pairs = [
    pair('site', site),
    ...(call ? [pair('call', { type: 'BooleanLiteral', value: true, original: true, loc })] : []),
  ];
  return { path: helper, params: [base, ...rest.map(literal)], hash: { type: 'Hash', pairs, loc } };
}
