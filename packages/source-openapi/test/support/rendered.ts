import { join } from 'node:path';
import { createTemplateRenderer } from '@docgen/core';
import source, { extractApi, loadSpec, renderApi } from '@docgen/source-openapi';

/** A spec's pages as the default templates render them. */
export async function renderedPages(spec: string): Promise<{ markdown: string }[]> {
  const api = await extractApi(await loadSpec(spec));
  return renderApi(api, createTemplateRenderer({ defaultsDir: source.templatesDir })).pages;
}

/** Each operation's section of a spec's pages, by its `## METHOD /path` heading (Markdown escapes removed). */
export async function operationSections(fixtures: string, file: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const page of await renderedPages(join(fixtures, file)))
    for (const section of page.markdown.split(/^(?=## )/m).slice(1))
      found.set(section.slice(3, section.indexOf('\n')).trim().replace(/\\/g, ''), section);
  return found;
}

/** The request body's part of an operation's section or page. */
export function requestBody(text: string): string {
  return text.slice(text.indexOf('### Request body'), text.indexOf('### Responses'));
}
