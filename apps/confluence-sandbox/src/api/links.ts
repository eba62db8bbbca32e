/** The web UI path Confluence puts in `_links.webui` (relative to `_links.base`). */
export function webuiPath(spaceKey: string, id: number, title: string): string {
  return `/spaces/${spaceKey}/pages/${id}/${encodeURIComponent(title.replace(/\s+/g, '+')).replace(/%2B/g, '+')}`;
}
