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

  it("shows Kubernetes' heading shortcode as its English words, else its argument title-cased, warned once, and links to it", () => {
    const markdown = [
      '## {{% heading "prerequisites" %}}',
      '',
      'Read [what comes next](#whats-next) first.',
      '',
      '## {{% heading "whatsnext" %}}',
      '',
      '## {{< heading "see_also" >}}',
      '',
      '## {{% heading "objectives" %}}',
      '',
      '## {{% heading "two words" %}} and {{< note >}}',
      '',
    ].join('\n');
    const { storage, warnings } = convertMarkdown(markdown);
    expect(storage).toContain('<h2>Before you begin</h2>');
    expect(storage).toContain("<h2>What's next</h2>");
    expect(storage).toContain('<h2>See Also</h2>');
    expect(storage).toContain('<h2>Objectives</h2>');
    // Kubernetes' pages link to the slug of the words the site shows.
    expect(storage).toContain('<ac:link ac:anchor="What\'snext">');
    // Not one word: the general rule for a shortcode the converter does not know.
    expect(storage).toContain('<h2>{{% heading "two words" %}} and {{&lt; note &gt;}}</h2>');
    expect(warnings).toEqual([
      'line 1: Hugo shortcode {{% heading %}} shows a heading from the site\'s own (translated) data: shown as "Before you begin"',
      'line 11: Hugo shortcode {{% heading %}} is not converted: shown as text (the site generator fills it in)',
      'line 11: Hugo shortcode {{< note >}} is not converted: shown as text (the site generator fills it in)',
    ]);
  });

  it("makes a paragraph of Kubernetes' older heading shortcode (`{{% whatsnext-heading %}}`) the heading it renders", () => {
    const markdown = [
      '{{% prerequisites-heading %}}',
      '',
      'See [the next steps](#whats-next).',
      '',
      '{{% whatsnext_heading %}}',
      '',
      'Text {{% cleanup-heading %}} inline.',
      '',
    ].join('\n');
    const { storage, warnings } = convertMarkdown(markdown);
    expect(storage).toBe(
      [
        '<h2>Before you begin</h2>',
        '<p>See <ac:link ac:anchor="What\'snext"><ac:plain-text-link-body><![CDATA[the next steps]]></ac:plain-text-link-body></ac:link>.</p>',
        "<h2>What's next</h2>",
        '<p>Text Cleaning up inline.</p>',
      ].join('\n'),
    );
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toBe(
      'line 1: Hugo shortcode {{% prerequisites-heading %}} shows a heading from the site\'s own (translated) data: shown as "Before you begin"',
    );
  });

  describe("MDN's macros that build content from MDN's data", () => {
    it('are a placeholder panel on a line of their own, naming the macro and what it would show', () => {
      const markdown = [
        '{{APIRef("DOM")}}',
        '',
        "{{ EmbedLiveSample('Setting_safe_attributes', '300', '150') }}",
        '',
        '{{Compat("api.Element.setAttribute")}}',
        '',
        '{{CSSInfo}}',
        '',
      ].join('\n');
      const { storage, warnings } = convertMarkdown(markdown);
      expect(storage).toBe(
        [
          '<ac:structured-macro ac:name="info"><ac:parameter ac:name="title">Live sample</ac:parameter><ac:rich-text-body>',
          '<p>On MDN, the <code>EmbedLiveSample</code> macro runs the code blocks of the section "Setting safe attributes" here as a live example.',
          " It is not part of this page's Markdown.</p></ac:rich-text-body></ac:structured-macro>",
          '\n<ac:structured-macro ac:name="info"><ac:parameter ac:name="title">Browser compatibility table</ac:parameter><ac:rich-text-body>',
          "<p>On MDN, the <code>Compat</code> macro builds the browser compatibility table here from MDN's browser-compat-data for <code>api.Element.setAttribute</code>.",
          " It is not part of this page's Markdown.</p></ac:rich-text-body></ac:structured-macro>",
          '\n<ac:structured-macro ac:name="info"><ac:parameter ac:name="title">Formal definition</ac:parameter><ac:rich-text-body>',
          '<p>On MDN, the <code>CSSInfo</code> macro shows the formal definition here (initial value, what it applies to, inheritance, computed value),',
          " from MDN's CSS data. It is not part of this page's Markdown.</p></ac:rich-text-body></ac:structured-macro>",
        ].join(''),
      );
      expect(storage).not.toContain('{{');
      expect(warnings).toEqual([
        "line 1: MDN macro {{APIRef}} left out: it is the site's navigation sidebar",
        'line 3: MDN macro {{EmbedLiveSample}} shown as a placeholder panel ("Live sample"): MDN builds its content from its own data, not on the page',
        'line 5: MDN macro {{Compat}} shown as a placeholder panel ("Browser compatibility table"): MDN builds its content from its own data, not on the page',
        'line 7: MDN macro {{CSSInfo}} shown as a placeholder panel ("Formal definition"): MDN builds its content from its own data, not on the page',
      ]);
    });

    it('stay as written in a line of text, or beside a macro that is not theirs', () => {
      expect(convertMarkdown('See {{Compat}} below.\n').storage).toBe('<p>See {{Compat}} below.</p>');
      expect(convertMarkdown('{{Compat}} {{Title}}\n').storage).toBe('<p>{{Compat}} {{Title}}</p>');
      // A sidebar on the same line is left out, as anywhere.
      expect(convertMarkdown('{{JSRef}} {{Specifications}}\n').storage).toContain('Specifications table');
    });

    it('links to a heading by the id MDN gives it, underscores for spaces', () => {
      const markdown =
        '## Security considerations\n\nSee [them](#security_considerations).\n\n## snake_case\n\n[x](#snake_case)\n';
      const { storage, warnings } = convertMarkdown(markdown);
      expect(storage).toContain('<ac:link ac:anchor="Securityconsiderations">');
      expect(storage).toContain('<ac:link ac:anchor="snake_case">');
      expect(warnings).toEqual([]);
    });

    it("leaves out a guide's previous and next links, as the sidebars", () => {
      const { storage, warnings } = convertMarkdown(
        '{{PreviousMenuNext("Learn/A", "Learn/C", "Learn")}}\n\nText.\n\n{{NextMenu("Learn/B", "Learn")}}\n',
      );
      expect(storage).toBe('<p>Text.</p>');
      expect(warnings).toHaveLength(2);
    });
  });
});
