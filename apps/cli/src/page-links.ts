/**
 * Which Markdown file a relative link between pages names, for `docgen convert` (the files beside
 * the converted one) and the generator pipeline (the pages of the tree) alike.
 */

/** Files a link names as a page by their extension. */
export const MARKDOWN_FILE = /\.(md|markdown|mdx)$/i;

/** What a link without `.md` may name, in this order: the page's file, then a folder's page. */
const PAGE_EXTENSIONS = ['.md', '.mdx', '.markdown'];
const FOLDER_PAGES = ['index.md', 'README.md'];

/**
 * The Markdown file the (decoded) path of a relative link names: the path itself when it has a
 * Markdown extension (`routing.md`); else, as docs sites link their pages (Docusaurus, VitePress,
 * React Router's docs: `./routing`, `../guides/routing/`), the first of `routing.md`, `routing.mdx`,
 * `routing.markdown`, `routing/index.md`, `routing/README.md` that `isPage` accepts. A path naming
 * a file that is there (`./LICENSE`, `./logo.png`, by `isFile`) is that file, never a page, and so
 * is a path from a site's root (`/docs/routing`), which names no file here.
 */
export function linkedMarkdownFile(
  path: string,
  isPage: (file: string) => boolean,
  isFile: (path: string) => boolean,
): string | undefined {
  if (MARKDOWN_FILE.test(path)) return path;
  if (!path || path.startsWith('/') || isFile(path)) return undefined;
  return pageCandidates(path).find(isPage);
}

function pageCandidates(path: string): string[] {
  const stem = path.replace(/\/+$/, '');
  const folderPages = FOLDER_PAGES.map((name) => `${stem}/${name}`);
  // `./`, `..`: the folder itself, which has no file name to add an extension to.
  if (/(^|\/)\.{0,2}$/.test(stem)) return folderPages;
  return [...PAGE_EXTENSIONS.map((extension) => stem + extension), ...folderPages];
}
