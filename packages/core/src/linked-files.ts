/**
 * Markdown an author wrote beside their files (an ADR's body, a runbook's notes) links to those
 * files: a diagram, a schema, a PDF. Confluence cannot follow a relative path, so each linked file
 * that exists is attached to the page and the link points at the attachment; the converter turns
 * `./x.svg` into an attachment image or link.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { isReadableFrom, readableBoundary } from './file-boundary.js';
import { contentHash } from './hash.js';
import type { PageAttachment } from './page-tree.js';

const MEDIA_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
};

export interface AttachLinkedFilesOptions {
  /** Asked first for every link target: a new target (another page's file), or undefined to go on. */
  map?: (href: string) => string | undefined;
}

/**
 * `markdown` (written in `fromFile`) with its relative links and images to existing files pointing
 * at attachments of the page, and those attachments (each file once; a name clash gets `x-2.svg`).
 * Links with a scheme, anchors, absolute paths, Markdown files, missing files and files outside the
 * author's repository (`readableBoundary`) stay as written
 * (the converter warns about the ones it cannot resolve). Lines are kept, so diagnostics still
 * point at the author's line.
 */
export function attachLinkedFiles(
  markdown: string,
  fromFile: string,
  options: AttachLinkedFilesOptions = {},
): { markdown: string; attachments: PageAttachment[] } {
  const attachments: PageAttachment[] = [];
  const byPath = new Map<string, string>();
  let boundary: string | undefined;
  const rewritten = rewriteLinks(markdown, (href) => {
    const mapped = options.map?.(href);
    if (mapped !== undefined) return mapped;
    if (/^[a-z][a-z0-9+.-]*:|^[#/]/i.test(href) || /\.(md|markdown)(#|$)/i.test(href)) return undefined;
    let path: string;
    try {
      path = resolve(dirname(fromFile), decodeURI(href.split('#')[0]!.split('?')[0]!));
    } catch {
      return undefined;
    }
    if (!existsSync(path) || !statSync(path).isFile()) return undefined;
    // A file out of the author's repository is never attached (the link stays, and the converter says so).
    if (!isReadableFrom((boundary ??= readableBoundary(fromFile)), path)) return undefined;
    let fileName = byPath.get(path);
    if (!fileName) {
      fileName = basename(path);
      const taken = new Set(attachments.map((a) => a.fileName));
      for (let n = 2; taken.has(fileName); n++) fileName = `${basename(path, extname(path))}-${n}${extname(path)}`;
      const data = readFileSync(path);
      attachments.push({
        fileName,
        mediaType: MEDIA_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
        contentHash: contentHash(data),
        data,
      });
      byPath.set(path, fileName);
    }
    return `./${encodeURI(fileName).replace(/\(/g, '%28').replace(/\)/g, '%29')}`;
  });
  return { markdown: rewritten, attachments };
}

/**
 * Rewrite the targets of inline links, link reference definitions and raw HTML anchors' `href`
 * outside code (fenced blocks and inline code spans) with `map`; targets it returns undefined for
 * stay as written.
 */
export function rewriteLinks(markdown: string, map: (href: string) => string | undefined): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = line.match(/^\s{0,3}(`{3,}|~{3,})/)?.[1];
      if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
        fence = fence ? undefined : marker;
        return line;
      }
      if (fence) return line;
      // `[x]: <0007 use postgres.md>`: in angle brackets, a destination may have spaces.
      const definition = line.match(/^(\s{0,3}\[[^\]]+\]:\s*)(?:<([^>]+)>|([^\s<>]+))(.*)$/);
      if (definition) return `${definition[1]}${destination(definition[2], definition[3], map)}${definition[4]}`;
      // Split on inline code spans so `[x](y.md)` shown as code stays as written.
      return line
        .split(/(`+[^`]*`+)/)
        .map((part, index) =>
          index % 2
            ? part
            : htmlAnchorsRewritten(
                part.replace(
                  /(\]\(\s*)(?:<([^>]+)>|([^)\s<>]+))/g,
                  (all, open: string, bracketed?: string, bare?: string) =>
                    `${open}${destination(bracketed, bare, map)}`,
                ),
                map,
              ),
        )
        .join('');
    })
    .join('\n');
}

/** A raw HTML anchor's `href` as far as its value: `<a class="x" href=`, then `"…"`, `'…'` or a bare value. */
const HTML_ANCHOR_HREF = /(<a\s(?:[^<>]*?\s)?href\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/**
 * `<a href="0002-use-sqlite.md#context">` written in Markdown is a link too (the converter reads
 * it as one): its `href` is mapped as a Markdown link's destination is, its quotes kept.
 */
function htmlAnchorsRewritten(text: string, map: (href: string) => string | undefined): string {
  return text.replace(HTML_ANCHOR_HREF, (all, open: string, double?: string, single?: string, bare?: string) => {
    const href = double ?? single ?? bare!;
    const mapped = map(href);
    if (mapped === undefined) return all;
    // A mapped name may hold the quote it is written in (`it's.png`, attached as `./it's.png`).
    if (double !== undefined) return `${open}"${mapped.replace(/"/g, '%22')}"`;
    if (single !== undefined) return `${open}'${mapped.replace(/'/g, '%27')}'`;
    return `${open}${mapped.replace(/[\s"'=<>`]/g, encodeURIComponent)}`;
  });
}

/**
 * A link destination mapped: one written in angle brackets (`<0007 use postgres.md>`, a file
 * name with spaces) keeps them, so that the new one may have spaces too.
 */
function destination(
  bracketed: string | undefined,
  bare: string | undefined,
  map: (href: string) => string | undefined,
): string {
  if (bracketed === undefined) return map(bare!) ?? bare!;
  return `<${map(bracketed) ?? bracketed}>`;
}
