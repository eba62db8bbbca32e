/**
 * Confluence storage → Markdown, for reading pages (`docgen confluence get --markdown`).
 * Confluence's own elements are first rewritten to the HTML they display as (code macro →
 * <pre><code>, panels → quotes, page links → links, task lists → checkbox lists), then
 * turndown + its GFM plugin (tables, strikethrough, task items) does the HTML → Markdown part.
 */
export async function storageToMarkdown(storage: string): Promise<string> {
  const { default: TurndownService } = await import('turndown');
  const gfm = (await import('turndown-plugin-gfm')) as unknown as { gfm: (service: unknown) => void };
  const service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
  service.use(gfm.gfm as never);
  return service.turndown(storageToHtml(storage)).trim() + '\n';
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Rewrite the ac:/ri: elements to plain HTML; exported for tests. */
export function storageToHtml(storage: string): string {
  let html = storage;
  // Code macros: language parameter and CDATA body (split `]]>` sequences rejoined).
  html = html.replace(
    /<ac:structured-macro\b[^>]*ac:name="code"[^>]*>([\s\S]*?)<\/ac:structured-macro>/g,
    (_m, inner: string) => {
      const language = /<ac:parameter ac:name="language">([^<]*)<\/ac:parameter>/.exec(inner)?.[1] ?? '';
      const body = /<ac:plain-text-body><!\[CDATA\[([\s\S]*?)\]\]><\/ac:plain-text-body>/.exec(inner)?.[1] ?? '';
      const code = body.replace(/\]\]\]\]><!\[CDATA\[>/g, ']]>');
      return `<pre><code class="language-${language}">${escapeHtml(code)}</code></pre>`;
    },
  );
  // Panels and expands: a quote with the panel's kind (and title) in bold.
  html = html.replace(
    /<ac:structured-macro\b[^>]*ac:name="(info|note|warning|tip|expand)"[^>]*>([\s\S]*?)<\/ac:structured-macro>/g,
    (_m, kind: string, inner: string) => {
      const title = /<ac:parameter ac:name="title">([^<]*)<\/ac:parameter>/.exec(inner)?.[1];
      const body = /<ac:rich-text-body>([\s\S]*)<\/ac:rich-text-body>/.exec(inner)?.[1] ?? '';
      return `<blockquote><p><strong>${kind[0].toUpperCase()}${kind.slice(1)}${title ? `: ${title}` : ''}</strong></p>${body}</blockquote>`;
    },
  );
  html = html.replace(
    /<ac:structured-macro\b[^>]*ac:name="status"[^>]*>([\s\S]*?)<\/ac:structured-macro>/g,
    (_m, inner: string) => {
      const title = /<ac:parameter ac:name="title">([^<]*)<\/ac:parameter>/.exec(inner)?.[1] ?? '';
      return `<code>${title}</code>`;
    },
  );
  // Page links and images.
  html = html.replace(/<ac:link\b[^>]*>([\s\S]*?)<\/ac:link>/g, (_m, inner: string) => {
    const title = /ri:content-title="([^"]*)"/.exec(inner)?.[1] ?? '';
    const text =
      /<ac:plain-text-link-body><!\[CDATA\[([\s\S]*?)\]\]>/.exec(inner)?.[1] ??
      /<ac:link-body>([\s\S]*?)<\/ac:link-body>/.exec(inner)?.[1] ??
      title;
    return `<a href="${title}">${text}</a>`;
  });
  html = html.replace(/<ac:image\b([^>]*)>([\s\S]*?)<\/ac:image>/g, (_m, attrs: string, inner: string) => {
    const alt = /ac:alt="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const src = /ri:filename="([^"]*)"/.exec(inner)?.[1] ?? /ri:value="([^"]*)"/.exec(inner)?.[1] ?? '';
    return `<img src="${src}" alt="${alt}">`;
  });
  // Task lists.
  html = html
    .replace(/<ac:task-list>/g, '<ul>')
    .replace(/<\/ac:task-list>/g, '</ul>')
    .replace(
      /<ac:task>[\s\S]*?<ac:task-status>(\w+)<\/ac:task-status>[\s\S]*?<ac:task-body>([\s\S]*?)<\/ac:task-body>[\s\S]*?<\/ac:task>/g,
      (_m, status: string, body: string) =>
        `<li><input type="checkbox"${status === 'complete' ? ' checked' : ''}> ${body}</li>`,
    );
  // Any other macro: keep its rich body, drop the wrapper and parameters.
  html = html
    .replace(/<ac:parameter\b[^>]*>[\s\S]*?<\/ac:parameter>/g, '')
    .replace(/<\/?(ac|ri):[^>]*>/g, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, text: string) => escapeHtml(text));
  return html;
}
