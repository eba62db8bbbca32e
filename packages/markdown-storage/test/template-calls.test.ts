/**
 * Template calls in prose (parse/template-calls.ts, handlers/templates.ts): what their warnings
 * call them, and Hugo's heading shortcode inside a heading.
 */
import { describe, expect, it } from '@jest/globals';
import { convertMarkdown } from '../src/index.js';

describe('template calls', () => {
  it('names an unknown call an MDN macro only when its name is surely MDN’s', () => {
    const { storage, warnings } = convertMarkdown('{{Compat}} and {{EmbedLiveSample("Examples")}}\n');
    expect(storage).toBe('<p>{{Compat}} and {{EmbedLiveSample("Examples")}}</p>');
    expect(warnings).toEqual([
      'line 1: MDN macro {{Compat}} is not converted: shown as text (the site generator fills it in)',
      'line 1: MDN macro {{EmbedLiveSample}} is not converted: shown as text (the site generator fills it in)',
    ]);
  });

  it('calls a Jinja, gettext or vue-i18n call in prose a template call, and keeps it as written', () => {
    const markdown =
      'Greet with {{ _("Hello") }},\nthen {{ $t(\'nav.home_page_title\') }} and {{ url_for("static", filename="a_b.css") }}.\n';
    const { storage, warnings } = convertMarkdown(markdown);
    // As written: its underscores are no emphasis.
    expect(storage).toBe(
      '<p>Greet with {{ _("Hello") }}, then {{ $t(\'nav.home_page_title\') }} and {{ url_for("static", filename="a_b.css") }}.</p>',
    );
    expect(warnings).toEqual([
      'line 1: template call {{_(…)}} is not converted: shown as text (the template engine fills it in)',
      'line 2: template call {{$t(…)}} is not converted: shown as text (the template engine fills it in)',
    ]);
  });

  it("shows Kubernetes' heading shortcode as its argument title-cased, warned once, and links to it", () => {
    const markdown = [
      '## {{% heading "prerequisites" %}}',
      '',
      'Read [what comes next](#whatsnext) first.',
      '',
      '## {{% heading "whatsnext" %}}',
      '',
      '## {{< heading "see_also" >}}',
      '',
      '## {{% heading "two words" %}} and {{< note >}}',
      '',
    ].join('\n');
    const { storage, warnings } = convertMarkdown(markdown);
    expect(storage).toContain('<h2>Prerequisites</h2>');
    expect(storage).toContain('<h2>Whatsnext</h2>');
    expect(storage).toContain('<h2>See Also</h2>');
    expect(storage).toContain('<ac:link ac:anchor="Whatsnext">');
    // Not one word: the general rule for a shortcode the converter does not know.
    expect(storage).toContain('<h2>{{% heading "two words" %}} and {{&lt; note &gt;}}</h2>');
    expect(warnings).toEqual([
      'line 1: Hugo shortcode {{% heading %}} shows a heading from the site\'s own (translated) data: shown as "Prerequisites", its argument title-cased',
      'line 9: Hugo shortcode {{% heading %}} is not converted: shown as text (the site generator fills it in)',
      'line 9: Hugo shortcode {{< note >}} is not converted: shown as text (the site generator fills it in)',
    ]);
  });
});
