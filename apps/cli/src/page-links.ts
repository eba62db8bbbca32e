import { posix } from 'node:path';

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

/** The rendered file of the page a (decoded) relative link on the page keyed `fromKey` names, if any. */
export type LinkedPage = (fromKey: string, path: string, isAttachment: (path: string) => boolean) => string | undefined;

/**
 * Which page of the tree a relative link on a page names, by the file the rendered folder writes
 * that page to (`guides__routing.md`). The (decoded) path is read as `docgen convert` and GitHub
 * read it, from the linking page's own folder, its key taken as the path of its file: on
 * `guides/routing`, `../reference/api`, `./` (`guides/index.md` or `README.md`) and `../index.md`
 * name the pages keyed `reference/api`, `guides/index` and `index`, as an in-house plugin that
 * publishes a docs folder gives them. Failing that, from the rendered folder, as plugins write
 * their links (`./${pageFileStem(key)}.md`). `isAttachment` says whether the path names a file of
 * the linking page, which a link without `.md` then names.
 */
export function pageLinksOfTree(keys: string[], fileStem: (key: string) => string): LinkedPage {
  const fileByPath = new Map<string, string>();
  for (const key of keys) {
    const file = `${fileStem(key)}.md`;
    fileByPath.set(file, file);
    fileByPath.set(`${key}.md`, file);
  }
  return (fromKey, path, isAttachment) => {
    // A path from a site's (or repository's) root: the rendered folder is neither.
    if (path.startsWith('/')) return undefined;
    const folder = posix.dirname(fromKey);
    for (const base of folder === '.' ? ['.'] : [folder, '.']) {
      const inTree = (file: string) => fileByPath.get(posix.join(base, file));
      const file = linkedMarkdownFile(path, (candidate) => inTree(candidate) !== undefined, isAttachment);
      const found = file === undefined ? undefined : inTree(file);
      if (found) return found;
    }
    return undefined;
  };
}
