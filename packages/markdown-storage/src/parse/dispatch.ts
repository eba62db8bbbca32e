/**
 * Rules tried by the character they can start with.
 *
 * markdown-it tries every rule of a chain, in order, at each place a token may start: with this
 * parser's ~20 inline rules, each `*`, `[` or space-ending text run costs ~20 calls, most of which
 * look at one character and return false (1.2 M calls for a 2 MB reference; a one-shot run spends
 * them in V8's interpreter). Every rule here starts by testing the character it is at, so each
 * chain is replaced by one rule that tries, in the same order, only the rules that can start with
 * that character. Rules not listed below are tried everywhere, so a rule added without triggers
 * stays correct. `checkTriggers` (tests) runs the full chains and throws when a rule matches at a
 * character it was not listed for.
 */
import type MarkdownIt from 'markdown-it';
import type { StateBlock, StateInline } from 'markdown-it';
import { ruleEntries } from './ruler-entries.js';

/** Rules that may match anywhere (text runs, indented code, paragraphs, tables, line-0 front matter). */
const ANYWHERE = '';

/** The characters each inline rule can start with (`state.src[state.pos]`). */
const INLINE_TRIGGERS: Record<string, string> = {
  text: ANYWHERE,
  linkify: ':',
  url_literal_text: ':_*~',
  newline: '\n',
  escape: '\\',
  backticks: '`',
  strikethrough: '~',
  emphasis: '_*',
  link: '[',
  image: '!',
  autolink: '<',
  html_inline: '<',
  entity: '&',
  footnote_inline: '^',
  footnote_ref: '[',
  template_call: '{',
  mdx_comment: '{',
  directive_text: ':',
  math_inline: '$',
  highlight: '=',
  insert: '^',
  keys: '+',
  wikilink: '[!',
};

/** The characters each block rule can start with (a line's first character after its indent). */
const BLOCK_TRIGGERS: Record<string, string> = {
  front_matter: ANYWHERE,
  table: ANYWHERE,
  code: ANYWHERE,
  lheading: ANYWHERE,
  paragraph: ANYWHERE,
  fence: '`~',
  blockquote: '>',
  hr: '*-_',
  list: '*-+0123456789',
  reference: '[',
  html_block: '<',
  heading: '#',
  footnote_def: '[',
  directive_container: ':',
  directive_leaf: ':',
  mkdocs_admonition: '!?',
  mkdocs_content_tab: '=',
  mkdocs_block: '/',
  mdx_code_block: '`~',
  liquid_highlight: '{',
  shortcode_panel: '{',
  math_block: '$',
  mdx_component: '<',
  definition_list: ':',
  mdx_esm: 'ie',
  abbreviation_definitions: '*',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRule = (state: any, ...rest: any[]) => boolean;

interface DispatchedRuler {
  getRules(chain: string): AnyRule[];
}

/** Set by tests: run the full chains and check each matching rule was listed for its character. */
export const checkTriggers = { enabled: false };

/** Per ASCII character, the rules of `rules` (in order) that can start with it; `[128]`: any other character. */
function tableOf(rules: AnyRule[], names: string[], triggers: Record<string, string>): AnyRule[][] {
  const listed = names.map((name) => triggers[name]);
  const table: AnyRule[][] = [];
  for (let code = 0; code <= 128; code += 1) {
    const character = code < 128 ? String.fromCharCode(code) : undefined;
    table.push(
      rules.filter((_, index) => {
        const chars = listed[index];
        return chars === undefined || chars === ANYWHERE || (character !== undefined && chars.includes(character));
      }),
    );
  }
  return table;
}

/** Builds the chain's one rule from its per-character table (see `tableOf`). */
type Dispatcher = (table: AnyRule[][], rules: AnyRule[], names: string[]) => AnyRule;

/** Replace each chain of `ruler` by the one rule `dispatcher` makes of it. */
function dispatch(ruler: DispatchedRuler, triggers: Record<string, string>, dispatcher: Dispatcher): void {
  const getRules = ruler.getRules.bind(ruler);
  const built = new Map<string, { rules: AnyRule[]; chain: AnyRule[] }>();
  ruler.getRules = (name: string): AnyRule[] => {
    const rules = getRules(name);
    const known = built.get(name);
    // markdown-it rebuilds its chains whenever rules are enabled, disabled or added.
    if (known?.rules === rules) return known.chain;
    const entries = ruleEntries<AnyRule>(ruler);
    const names = rules.map((rule) => entries.find((entry) => entry.fn === rule)?.name ?? '(unnamed)');
    const chain = rules.length ? [dispatcher(tableOf(rules, names, triggers), rules, names)] : rules;
    built.set(name, { rules, chain });
    return chain;
  };
}

/** The rules to try at a character code. */
function candidatesAt(table: AnyRule[][], code: number): AnyRule[] {
  return table[code < 128 ? code : 128]!;
}

/** With `checkTriggers` on: every rule in order, as markdown-it would, checking the table's answer. */
function tryAll(
  rules: AnyRule[],
  names: string[],
  table: AnyRule[][],
  code: number,
  call: (rule: AnyRule) => boolean,
): boolean {
  for (let index = 0; index < rules.length; index += 1) {
    if (!call(rules[index]!)) continue;
    if (!candidatesAt(table, code).includes(rules[index]!)) {
      const at = JSON.stringify(String.fromCharCode(code));
      throw new Error(`markdown rule "${names[index]}" matched at ${at}, which its triggers do not list`);
    }
    return true;
  }
  return false;
}

// Two shapes of rule, each with its own loop: a generic one would spread arguments on every call.
const inlineDispatcher: Dispatcher = (table, rules, names) => (state: StateInline, silent: boolean) => {
  const code = state.src.charCodeAt(state.pos);
  if (checkTriggers.enabled) return tryAll(rules, names, table, code, (rule) => rule(state, silent));
  const candidates = candidatesAt(table, code);
  for (let index = 0; index < candidates.length; index += 1) {
    if (candidates[index]!(state, silent)) return true;
  }
  return false;
};

const blockDispatcher: Dispatcher =
  (table, rules, names) => (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    const code = state.src.charCodeAt(state.bMarks[startLine]! + state.tShift[startLine]!);
    if (checkTriggers.enabled)
      return tryAll(rules, names, table, code, (rule) => rule(state, startLine, endLine, silent));
    const candidates = candidatesAt(table, code);
    for (let index = 0; index < candidates.length; index += 1) {
      if (candidates[index]!(state, startLine, endLine, silent)) return true;
    }
    return false;
  };

/** Rule name → the characters it can start with (`''`: anywhere); unlisted rules are tried everywhere. */
export interface Triggers {
  inline: Record<string, string>;
  block: Record<string, string>;
}

/** Dispatch the parser's inline and block chains by character (this parser's rules unless told). */
export function dispatchByCharacter(
  md: MarkdownIt,
  triggers: Triggers = { inline: INLINE_TRIGGERS, block: BLOCK_TRIGGERS },
): void {
  dispatch(md.inline.ruler as unknown as DispatchedRuler, triggers.inline, inlineDispatcher);
  dispatch(md.block.ruler as unknown as DispatchedRuler, triggers.block, blockDispatcher);
}
