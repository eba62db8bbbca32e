/**
 * Jekyll's code blocks: `{% highlight ruby %}` … `{% endhighlight %}` (Liquid, also in GitHub Pages
 * blogs), read as the fenced code block they stand for, with `linenos` as line numbers. Without
 * this the code is Markdown: its lines joined into a paragraph, `*` and `_` read as emphasis. The
 * tag may follow a paragraph's last line directly, as posts write it; an unclosed one stays text.
 * Other Liquid tags and Hugo shortcodes stay text, with a warning (handlers/inline.ts).
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { lineText } from './block-state.js';

const OPEN = /^\{%-?\s*highlight\s+([\w#+.-]+)((?:\s+[\w=".-]+)*)\s*-?%\}\s*$/;
const CLOSE = /^\{%-?\s*endhighlight\s*-?%\}\s*$/;

function highlight(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (state.src.charCodeAt(start) !== 0x7b /* { */ || state.src.charCodeAt(start + 1) !== 0x25 /* % */) return false;
  const open = OPEN.exec(lineText(state, startLine));
  if (!open) return false;
  let close = startLine + 1;
  while (close < endLine && !CLOSE.test(lineText(state, close))) close += 1;
  if (close >= endLine) return false;
  if (silent) return true;
  const token = state.push('fence', 'code', 0);
  token.info = `${open[1]}${/\blinenos\b/.test(open[2] ?? '') ? ' linenumbers' : ''}`;
  token.content = state.getLines(startLine + 1, close, state.sCount[startLine]!, true);
  token.markup = '{% highlight %}';
  token.map = [startLine, close + 1];
  state.line = close + 1;
  return true;
}

export function liquid(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'liquid_highlight', highlight, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
}
