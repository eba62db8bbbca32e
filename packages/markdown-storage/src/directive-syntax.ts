/**
 * remark-directive, with one change: a text directive (`:name[label]`) only starts after
 * whitespace or punctuation. Stock directive syntax also matches inside words, so prose and
 * storage markup from specs — `ac:name`, `Note:This`, `a:b` — would lose their text (and image alt
 * text, which is flattened at parse time, could not get it back).
 */
import type { Processor } from 'unified';
import type { Code, Construct, Extension, TokenizeContext } from 'micromark-util-types';
import { directive } from 'micromark-extension-directive';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { markdownLineEndingOrSpace, unicodePunctuation, unicodeWhitespace } from 'micromark-util-character';

function startsAWord(code: Code): boolean {
  return code === null || markdownLineEndingOrSpace(code) || unicodeWhitespace(code) || unicodePunctuation(code);
}

function directiveSyntax(): Extension {
  const base = directive();
  const textConstruct = (base.text as Record<number, Construct>)[58]!;
  const original = textConstruct.previous;
  const guarded: Construct = {
    ...textConstruct,
    previous(this: TokenizeContext, code: Code) {
      return (original ? original.call(this, code) : true) && startsAWord(code);
    },
  };
  return { ...base, text: { 58: guarded } };
}

export default function remarkDirectiveStrict(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: Extension[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(directiveSyntax());
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
}
