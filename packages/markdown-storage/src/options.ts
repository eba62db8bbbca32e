export interface ToStorageOptions {
  /** Map a relative link target (the href with any #fragment and ?query removed, e.g. './pets.md') to the title of the page it points to. Undefined → ordinary link. */
  resolvePageTitle?: (href: string) => string | undefined;
  /** Map an image src to an attachment file name when the image is part of the page. Undefined → external image URL (ri:url). */
  resolveAttachment?: (src: string) => string | undefined;
  /** Code-macro language list: 'cloud' (default) or 'datacenter'. */
  dialect?: 'cloud' | 'datacenter';
  /**
   * Map the #fragment of a link to another page (`./other.md#getting-started`) to the anchor
   * Confluence gives that heading on the target page (see `confluenceAnchor`). Undefined → the
   * fragment is used as written. Links within the page are resolved without help.
   */
  resolveAnchor?: (href: string, fragment: string) => string | undefined;
  /**
   * Asked for a link's #fragment that `resolveAnchor` left unresolved (`./runbook.md#nope`): when
   * the page `href` names is converted in the same run and has no heading or anchor of that name,
   * the closest name it has, or '' for none near (`missingAnchor` answers it from that page's
   * `pageAnchors`); undefined when it has one, or the page is not known. Such a link is warned
   * about, as one to a missing heading of the page itself is.
   */
  resolveMissingAnchor?: (href: string, fragment: string) => string | undefined;
  /**
   * Map a relative link or image that is neither a page nor an attachment (`/docs/connect`, a path
   * on the site the Markdown came from) to an absolute URL. Undefined → it stays relative, with a
   * warning: Confluence would resolve it against itself.
   */
  resolveLink?: (href: string) => string | undefined;
}

export interface StorageResult {
  /** Storage-format XHTML. */
  storage: string;
  /** File names referenced as `ri:attachment`, in first-use order: the publisher uploads these. */
  attachments: string[];
  /** Titles of the pages linked with `ri:page`, in first-use order. */
  pageLinks: string[];
  /** What could not be converted faithfully (unknown directive, unresolved anchor, unsafe URL…), with line numbers. */
  warnings: string[];
}
