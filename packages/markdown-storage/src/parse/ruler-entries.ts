/**
 * What markdown-it's Ruler keeps of each rule, in order: not in its typings, stable across its
 * versions. The converter reads it to put a wrapped rule where the rule was (`ruler.at`, with the
 * chains it ends: `alt`) and to name the rules of a chain (dispatch.ts).
 */
export interface RuleEntry<Rule> {
  name: string;
  fn: Rule;
  alt: string[];
  enabled: boolean;
}

/** The rules a markdown-it Ruler (`md.block.ruler`, `md.inline.ruler`) keeps. */
export function ruleEntries<Rule>(ruler: object): Array<RuleEntry<Rule>> {
  return (ruler as { __rules__: Array<RuleEntry<Rule>> }).__rules__;
}
