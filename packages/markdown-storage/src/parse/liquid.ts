/**
 * Jekyll's code blocks: `{% highlight ruby %}` … `{% endhighlight %}` (Liquid, also in GitHub Pages
 * blogs), read as the fenced code block they stand for, with `linenos` as line numbers. Without
 * this the code is Markdown: its lines joined into a paragraph, `*` and `_` read as emphasis. The
 * tag may follow a paragraph's last line directly, as posts write it; an unclosed one stays text.
 * Hugo's built-in `{{< highlight go "linenos=table,linenostart=199" >}}` … `{{< /highlight >}}` is
 * the same code block, its options read as a fence's Hugo options are (handlers/code.ts).
 * Other Liquid tags stay text, with a warning (handlers/inline.ts); Hugo's other shortcodes are
 * template-calls.ts' and shortcode-panels.ts'.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { lineText } from './block-state.js';

const OPEN = /^\{%-?\s*highlight\s+([\w#+.-]+)((?:\s+[\w=".-]+)*)\s*-?%\}\s*$/;
const CLOSE = /^\{%-?\s*endhighlight\s*-?%\}\s*$/;
const HUGO_OPEN = /^\{\{([<%])\s*highlight\s+"?([\w#+.-]+)"?(?:\s+"([^"]*)")?\s*[>%]\}\}\s*$/;
const HUGO_CLOSE = /^\{\{[<%]\s*\/highlight\s*[>%]\}\}\s*$/;

/** The opening tag's language and the fence info it stands for, and the tag that closes it. */
function opening(text: string): { info: string; close: RegExp; markup: string } | undefined {
  const liquid = OPEN.exec(text);
  if (liquid)
    return {
      info: `${liquid[1]}${/\blinenos\b/.test(liquid[2] ?? '') ? ' linenumbers' : ''}`,
      close: CLOSE,
      markup: '{% highlight %}',
    };
  const hugo = HUGO_OPEN.exec(text);
  if (!hugo) return undefined;
  return { info: `${hugo[2]}${hugo[3] ? ` {${hugo[3]}}` : ''}`, close: HUGO_CLOSE, markup: '{{< highlight >}}' };
}

function highlight(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const second = state.src.charCodeAt(start + 1);
  if (state.src.charCodeAt(start) !== 0x7b /* { */ || (second !== 0x25 /* % */ && second !== 0x7b)) return false;
  const open = opening(lineText(state, startLine));
  if (!open) return false;
  let close = startLine + 1;
  while (close < endLine && !open.close.test(lineText(state, close))) close += 1;
  if (close >= endLine) return false;
  if (silent) return true;
  const token = state.push('fence', 'code', 0);
  token.info = open.info;
  token.content = state.getLines(startLine + 1, close, state.sCount[startLine]!, true);
  token.markup = open.markup;
  token.map = [startLine, close + 1];
  state.line = close + 1;
  return true;
}

export function liquid(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'liquid_highlight', highlight, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
}
