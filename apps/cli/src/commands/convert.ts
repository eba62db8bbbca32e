import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { DocgenError, fileBoundary, isReadableFrom, type Diagnostic, type FileBoundary } from '@docgen/core';
import type { StorageResult } from '@docgen/markdown-storage';
import { DocgenCommand } from '../docgen-command.js';
import { absoluteLink, expectLinkBase, linkBaseFlag } from '../link-base.js';
import { declaredAnchorNames, missingAnchor } from '../missing-anchor.js';
import { linkedMarkdownFile } from '../page-links.js';
import { warningJson, type WarningJson } from '../warning-json.js';
import { warningBlocks } from '../warning-groups.js';

export default class Convert extends DocgenCommand {
  static override summary = 'Convert Markdown to Confluence storage-format XHTML';
  static override description =
    'Prints the storage XHTML docgen would publish for a Markdown file (or stdin). Images and files that exist next to the file become page attachments, listed with --json; a link to another Markdown file there (`runbook.md#alerts`, or `./runbook` as a docs site writes it) becomes a link to that page, by its title (front matter `title:`, else its first `# heading`, else its file name).';
  static override examples = [
    '<%= config.bin %> convert docs/runbook.md',
    'cat page.md | <%= config.bin %> convert --dialect datacenter',
    '<%= config.bin %> convert docs/runbook.md --json',
  ];
  static override args = {
    file: Args.string({
      description: 'Markdown file to convert (reads stdin when omitted)',
      required: false,
      ignoreStdin: true,
    }),
  };
  static override flags = {
    dialect: Flags.string({
      summary: 'Code-macro language list of the target Confluence',
      options: ['cloud', 'datacenter'],
      default: 'cloud',
    }),
    normalized: Flags.boolean({
      summary: 'Print the normalized line-per-element form docgen uses for diffs',
      default: false,
    }),
    'link-base': linkBaseFlag,
  };

  async run(): Promise<ConvertJson> {
    const { args, flags } = await this.parse(Convert);
    const markdown = args.file ? await readMarkdown(args.file) : await readStdin();
    const { convertMarkdown, normalizeStorage, pageAnchors } = await import('@docgen/markdown-storage');
    const linkedPath = args.file ? linkedPathFrom(args.file) : undefined;
    const linkBase = flags['link-base'] === undefined ? undefined : await expectLinkBase(flags['link-base']);
    const linked = new LinkedPages(linkedPath, pageAnchors);
    const result = convertMarkdown(markdown, {
      dialect: flags.dialect as 'cloud' | 'datacenter',
      resolvePageTitle: (href) => linked.title(href),
      resolveAnchor: (href, fragment) => linked.anchor(href, fragment),
      resolveMissingAnchor: (href, fragment) => linked.missingAnchor(href, fragment),
      resolveAttachment: (src) => localAttachment(linkedPath, src),
      ...(linkBase ? { resolveLink: (href: string) => absoluteLink(href, linkBase) } : {}),
    });
    const warnings = result.warnings.map((warning) => conversionWarning(warning, args.file));
    if (!this.jsonEnabled()) {
      for (const block of warningBlocks(warnings, { seeAll: '--json lists them all' })) this.logToStderr(block);
      this.log(flags.normalized ? normalizeStorage(result.storage).trimEnd() : result.storage);
    }
    // The warnings as the generators list them (`{ code, message, file, line, hint }`): they were
    // the converter's strings ("line 7: image …"), which a tool had to parse for the line.
    return { ok: true, ...result, warnings: warnings.map(warningJson) };
  }
}

/** `docgen convert --json`: the converter's answer, its warnings as every command lists them. */
export type ConvertJson = Omit<StorageResult, 'warnings'> & { ok: true; warnings: WarningJson[] };

/**
 * A converter warning ("line 15: image missing.png is relative but not an attachment…") printed as
 * every other warning is (`warning DG_CONVERT guide.md:15: …`), with what to do when a relative
 * path names no file beside the Markdown: it printed as `warning guide.md:15: …`, without either.
 */
function conversionWarning(warning: string, file: string | undefined): Diagnostic {
  const line = /^line (\d+): /.exec(warning);
  const message = line ? warning.slice(line[0].length) : warning;
  const relative = /^(?:image|link to) (\S+) is relative but/.exec(message)?.[1];
  return {
    code: 'DG_CONVERT',
    severity: 'warning',
    message,
    location: { file: file ?? '<stdin>', ...(line ? { line: Number(line[1]) } : {}) },
    ...(relative ? { hint: relativePathHint(relative, file) } : {}),
  };
}

function relativePathHint(path: string, file: string | undefined): string {
  if (!file)
    return `pass the file instead of stdin (\`docgen convert page.md\`): the files beside it become attachments`;
  if (path.startsWith('/'))
    return `add ${path.slice(1)} to ${convertBoundary(file).folder} (a path from / is read from the repository's root), or link an absolute URL`;
  const boundary = convertBoundary(file);
  if (isOutOf(boundary.folder, resolve(dirname(resolve(file)), decodeLinkPath(path))))
    return `${path} is outside ${boundary.folder}, the ${BOUNDARY_NAMES[boundary.kind]} holding the Markdown, which is all convert reads from: move the file into it, or link an absolute URL`;
  return `add ${path} to ${dirname(resolve(file))} (convert attaches the files beside the Markdown), or link an absolute URL`;
}

/** What `fileBoundary`'s folder is, as a hint names it. */
const BOUNDARY_NAMES = { repository: 'repository', project: 'project folder', folder: 'folder' } as const;

/**
 * The folder convert reads files from: the Markdown's repository or project (`fileBoundary`). A
 * loose file (neither) may link what lies beside it in the folder convert runs in, which the user
 * chose (`docgen convert guide/page.md` linking `../img/x.png`); else only its own folder.
 */
function convertBoundary(file: string): FileBoundary {
  const boundary = fileBoundary(resolve(file));
  if (boundary.kind !== 'folder') return boundary;
  const working = realpathSync(process.cwd());
  const holds = dirname(working) !== working && isReadableFrom(working, boundary.folder);
  return holds ? { ...boundary, folder: working } : boundary;
}

/** Whether an existing file lies out of `folder` (its links followed). */
function isOutOf(folder: string, path: string): boolean {
  return existsSync(path) && !isReadableFrom(folder, path);
}

/**
 * Markdown files beside the converted one that it links to (`runbook.md`, `../ops/deploy.md#alerts`,
 * or without `.md` as a docs site links them, `../guides/routing`): links to other pages, by the
 * title that page has; they had become attachment links carrying the raw .md file, and lost their
 * #fragment. Each file is read once.
 */
class LinkedPages {
  private readonly pages = new Map<string, { title: string; markdown: string } | undefined>();

  constructor(
    private readonly linkedPath: LinkedPath | undefined,
    private readonly anchorsOf: (markdown: string) => Map<string, string>,
  ) {}

  title(href: string): string | undefined {
    return this.page(href)?.title;
  }

  /** The Confluence anchor of the heading `#fragment` names on that page (GitHub's slug, or the heading text). */
  anchor(href: string, fragment: string): string | undefined {
    const page = this.page(href);
    return page ? this.anchorsOf(page.markdown).get(fragment) : undefined;
  }

  /** For a fragment `anchor` did not resolve: '' or the name meant when that page has no such heading. */
  missingAnchor(href: string, fragment: string): string | undefined {
    const page = this.page(href);
    if (!page) return undefined;
    return missingAnchor(fragment, this.anchorsOf(page.markdown), declaredAnchorNames(page.markdown).all);
  }

  private page(href: string): { title: string; markdown: string } | undefined {
    const linkedPath = this.linkedPath;
    if (!linkedPath) return undefined;
    const file = linkedMarkdownFile(
      decodeLinkPath(href),
      (path) => this.read(linkedPath(path)) !== undefined,
      (path) => isFile(linkedPath(path)),
    );
    return file === undefined ? undefined : this.read(linkedPath(file));
  }

  private read(file: string | undefined): { title: string; markdown: string } | undefined {
    if (file === undefined) return undefined;
    if (!this.pages.has(file)) this.pages.set(file, readPage(file));
    return this.pages.get(file);
  }
}

function readPage(file: string): { title: string; markdown: string } | undefined {
  try {
    const markdown = readFileSync(file, 'utf8');
    return { title: markdownTitle(markdown) ?? basename(file, extname(file)), markdown };
  } catch {
    return undefined; // not there (or a folder): the link stays relative, with the converter's warning
  }
}

/** Front matter `title:`, else the first level-1 ATX heading outside a code fence. */
function markdownTitle(markdown: string): string | undefined {
  const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(markdown);
  const fromFront = front && /^title:[ \t]*(["']?)(.+?)\1[ \t]*$/m.exec(front[1]!)?.[2];
  if (fromFront) return fromFront;
  let fence: string | undefined;
  for (const line of markdown.slice(front?.[0].length ?? 0).split(/\r?\n/)) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) fence = fence ? undefined : marker;
    const heading = !fence && /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading) return heading[1];
  }
  return undefined;
}

/** `%20` and friends as the file system names them; a malformed escape is taken as written. */
function decodeLinkPath(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

async function readMarkdown(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DocgenError(
      {
        code: 'DG_CONVERT_INPUT_UNREADABLE',
        message:
          code === 'ENOENT'
            ? `no such file: ${file}`
            : code === 'EISDIR'
              ? `${file} is a folder; docgen convert takes a Markdown file`
              : `cannot read ${file}: ${(error as Error).message}`,
        location: { file },
        hint: 'pass the path of a Markdown file, or pipe Markdown on stdin with no argument',
      },
      { cause: error },
    );
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new DocgenError({
      code: 'DG_CONVERT_NO_INPUT',
      message: 'no Markdown to convert',
      hint: 'pass a file (docgen convert page.md) or pipe Markdown on stdin (cat page.md | docgen convert)',
    });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The file a relative path names, or undefined for one out of the Markdown's repository. */
type LinkedPath = (path: string) => string | undefined;

/**
 * The file a (decoded) relative path in the Markdown file names: from the file's folder, or, from
 * the root (`/docs/api.md`, `/images/logo.png`), from the root of its repository, as GitHub reads
 * it (without one, of its project: `readableBoundary`), never from the machine's `/`. An existing
 * file out of that boundary (`../../../../etc/hostname`, a symbolic link out) names none, as
 * `generate` reads none: what convert attaches or reads a title from is published.
 */
function linkedPathFrom(file: string): LinkedPath {
  const folder = dirname(resolve(file));
  const root = convertBoundary(file).folder;
  return (path) => {
    const target = path.startsWith('/') ? join(root, path) : resolve(folder, path);
    return isOutOf(root, target) ? undefined : target;
  };
}

/** A relative source naming a file beside the Markdown (or in its repository) becomes an attachment of the page. */
function localAttachment(linkedPath: LinkedPath | undefined, src: string): string | undefined {
  const file = linkedPath?.(decodeLinkPath(src));
  return file && isFile(file) ? basename(file) : undefined;
}

function isFile(path: string | undefined): boolean {
  if (path === undefined) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
