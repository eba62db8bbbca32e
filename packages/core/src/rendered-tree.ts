import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fixOptionHint, type OptionOrigin } from './config.js';
import { DocgenError, type Diagnostic } from './diagnostics.js';
import { renderedDocSet } from './doc-set.js';
import { makeFolder } from './folders.js';
import { contentHash } from './hash.js';
import { pageFileStem, validatePageTree, type Page, type PageTree } from './page-tree.js';

/**
 * A rendered page tree on disk: the hand-off between generator commands and `docgen publish`.
 *
 *   manifest.json                 the pages, their parents, labels and files
 *   <stem>.md                     Markdown body of each page
 *   <stem>.storage.xhtml          Confluence storage format of each page (when converted)
 *   attachments/<stem>/<file>     attachment bytes
 */
export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_SCHEMA_VERSION = 1;

export interface ManifestAttachment {
  fileName: string;
  mediaType: string;
  contentHash: string;
  file: string;
}

export interface ManifestPage {
  key: string;
  title: string;
  parentKey?: string;
  labels: string[];
  position?: number;
  source?: Page['source'];
  /** See `Page.titleUnderOutsideParent`. */
  titleUnderOutsideParent?: Page['titleUnderOutsideParent'];
  /** See `Page.nestUnderSourceOf`: kept by a run of some sources, a path from where docgen ran. */
  nestUnderSourceOf?: string;
  markdownFile: string;
  storageFile?: string;
  /**
   * See `Page.linkBase` (the source's `linkBase` or `--link-base`): kept for a folder rendered without
   * storage, whose pages are converted when published, as the render would have converted them.
   */
  linkBase?: string;
  attachments: ManifestAttachment[];
}

export interface Manifest {
  schemaVersion: number;
  generator: { name: string; version: string };
  /** See `PageTree.docSet`: as named when rendered. */
  docSet?: string;
  /** See `PageTree.docSetFolder`; an older docgen's manifest has none, and its `docSet` is published as written. */
  docSetFolder?: string;
  /** See `PageTree.docSetFormerNames`. */
  docSetFormerNames?: string[];
  /** See `PageTree.partial`. */
  partial?: PageTree['partial'];
  /** See `PageTree.filesComparable`. */
  filesComparable?: boolean;
  /** See `PageTree.unlisted`. */
  unlisted?: boolean;
  /** See `PageTree.withoutConfig`. */
  withoutConfig?: boolean;
  /** See `PageTree.listedFiles`. */
  listedFiles?: string[];
  /** See `PageTree.inConfigFolders`. */
  inConfigFolders?: string[];
  /** See `PageTree.outsideParents`. */
  outsideParents?: string[];
  pages: ManifestPage[];
}

/** Pages written at the same time (bounded, so a tree of thousands opens few files at once). */
const PAGES_AT_ONCE = 16;

/**
 * Refuse an output folder that writing would destroy. Writing replaces the whole folder, so it may
 * only be a folder docgen wrote (its manifest.json), an empty folder, or a path not there yet:
 * `--out .` used to delete the repository it ran in, `--out src` the code, `--out openapi.yaml`
 * the spec. `origin` says where the folder was given (`--out`, or the config's `out` at its line),
 * for the hint; a caller checks before rendering, so a mistake costs no waiting.
 */
export function checkOutputFolder(outDir: string, origin?: OptionOrigin): void {
  const target = resolve(outDir);
  const found = statOrNothing(target);
  if (!found) return;
  const isFolder = found.isDirectory();
  const entries = isFolder ? readdirSync(target).length : 0;
  if (isFolder && (entries === 0 || isRenderedFolder(target))) return;
  throw new DocgenError({
    code: 'DG_OUT_NOT_DOCGEN',
    message: isFolder
      ? `output folder ${target} holds ${entries} ${entries === 1 ? 'entry' : 'entries'} docgen did not write (no docgen ${MANIFEST_FILE}): writing the output would replace the folder and delete them`
      : `${target} is a file, not an output folder: writing the output would replace the file with a folder`,
    location: origin?.location ?? { file: target },
    hint: fixOptionHint(origin, 'out', 'a folder of its own (one not there yet, e.g. docs-out, or one docgen wrote)'),
  });
}

/** Its Stats; nothing when it is not there or cannot be looked at (a file on the way): writing then says why. */
function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** A folder docgen wrote: its manifest.json has docgen's shape (any schema version: an older docgen's output is docgen's too). */
function isRenderedFolder(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as Partial<Manifest>;
    return (
      typeof manifest.schemaVersion === 'number' &&
      typeof manifest.generator?.name === 'string' &&
      Array.isArray(manifest.pages)
    );
  } catch {
    return false; // no manifest.json, or another tool's (a web app's public/manifest.json)
  }
}

/**
 * Write the tree into `outDir`. Files are written to a sibling temp folder first and swapped in,
 * so a failure half-way leaves the previous output intact. Only a folder docgen may replace
 * ({@link checkOutputFolder}) is written.
 */
export async function writeRenderedTree(
  outDir: string,
  tree: PageTree,
  generator: Manifest['generator'],
): Promise<Manifest> {
  validatePageTree(tree);
  const target = resolve(outDir);
  checkOutputFolder(target);
  const staging = `${target}.tmp-${process.pid}`;
  try {
    return await writeThroughStaging(staging, target, tree, generator);
  } catch (error) {
    // The staging folder is docgen's; an error names the folder the user gave.
    throw renamedSystemError(error, staging, target);
  }
}

async function writeThroughStaging(
  staging: string,
  target: string,
  tree: PageTree,
  generator: Manifest['generator'],
): Promise<Manifest> {
  await rm(staging, { recursive: true, force: true });
  await makeFolder(staging);
  const manifest: Manifest = {
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    generator,
    ...(tree.docSet ? { docSet: tree.docSet } : {}),
    ...(tree.docSetFolder !== undefined ? { docSetFolder: tree.docSetFolder } : {}),
    ...(tree.docSetFormerNames?.length ? { docSetFormerNames: tree.docSetFormerNames } : {}),
    ...(tree.partial ? { partial: tree.partial } : {}),
    ...(tree.filesComparable ? { filesComparable: true } : {}),
    ...(tree.unlisted ? { unlisted: true } : {}),
    ...(tree.withoutConfig ? { withoutConfig: true } : {}),
    ...(tree.listedFiles?.length ? { listedFiles: tree.listedFiles } : {}),
    ...(tree.inConfigFolders?.length ? { inConfigFolders: tree.inConfigFolders } : {}),
    ...(tree.outsideParents?.length ? { outsideParents: tree.outsideParents } : {}),
    pages: [],
  };
  try {
    // Several pages at a time: the writes are I/O, and one after another they waited on each other.
    for (let start = 0; start < tree.pages.length; start += PAGES_AT_ONCE) {
      const batch = tree.pages.slice(start, start + PAGES_AT_ONCE);
      manifest.pages.push(...(await Promise.all(batch.map((page) => writePage(staging, page)))));
    }
    await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const previous = `${target}.old-${process.pid}`;
    if (existsSync(target)) await rename(target, previous);
    await makeFolder(dirname(target));
    await rename(staging, target);
    await rm(previous, { recursive: true, force: true });
  } catch (error) {
    // Tidy up, but report what failed, not a failing clean-up.
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  return manifest;
}

/**
 * A file-system error about `from` or a path inside it, told about `to` instead: a folder written
 * under a temporary name (and renamed when complete) is reported by the name the user gave.
 */
function renamedSystemError(error: unknown, from: string, to: string): unknown {
  // Duck-typed: Node's errors come from another realm under a test runner's VM, failing instanceof.
  const system = error as NodeJS.ErrnoException & { dest?: string };
  if (typeof system?.message !== 'string' || typeof system.code !== 'string' || typeof system.path !== 'string')
    return error;
  if (!system.path.startsWith(from) && !system.dest?.startsWith(from)) return error;
  const retell = (text: string) => text.split(from).join(to);
  const retold = new Error(retell(system.message), { cause: error });
  return Object.assign(retold, {
    code: system.code,
    errno: system.errno,
    syscall: system.syscall,
    path: retell(system.path),
    ...(system.dest ? { dest: retell(system.dest) } : {}),
  });
}

/**
 * A page's source file as a path from the working folder (the repository, in CI), with `/`: the
 * manifest, and the ownership property docgen writes to Confluence from it, then read the same on
 * every machine and checkout, and name no runner's home folder.
 */
function portableSource(source: Page['source']): Page['source'] {
  if (!source?.file || !isAbsolute(source.file)) return source;
  return { ...source, file: relative(process.cwd(), source.file).split(sep).join('/') || '.' };
}

async function writePage(dir: string, page: Page): Promise<ManifestPage> {
  const stem = pageFileStem(page.key);
  const entry: ManifestPage = {
    key: page.key,
    title: page.title,
    parentKey: page.parentKey,
    labels: page.labels,
    position: page.position,
    source: portableSource(page.source),
    ...(page.titleUnderOutsideParent && { titleUnderOutsideParent: page.titleUnderOutsideParent }),
    ...(page.nestUnderSourceOf && {
      nestUnderSourceOf: portableSource({ plugin: '', file: page.nestUnderSourceOf })!.file,
    }),
    markdownFile: `${stem}.md`,
    ...(page.linkBase && { linkBase: page.linkBase }),
    attachments: [],
  };
  const writes = [writeFile(join(dir, entry.markdownFile), page.markdown)];
  if (page.storage !== undefined) {
    entry.storageFile = `${stem}.storage.xhtml`;
    writes.push(writeFile(join(dir, entry.storageFile), page.storage));
  }
  await Promise.all(writes);
  for (const attachment of page.attachments) {
    const data = attachment.data ?? (attachment.path ? await readFile(attachment.path) : undefined);
    if (!data)
      throw new DocgenError({
        code: 'DG_ATTACHMENT',
        message: `attachment ${attachment.fileName} of page "${page.key}" has no data`,
      });
    const file = `attachments/${stem}/${attachment.fileName}`;
    await makeFolder(join(dir, 'attachments', stem));
    await writeFile(join(dir, file), data);
    entry.attachments.push({
      fileName: attachment.fileName,
      mediaType: attachment.mediaType,
      contentHash: contentHash(data),
      file,
    });
  }
  return entry;
}

/** Read a rendered folder back into a page tree (attachments by path, not loaded). */
/**
 * A file the manifest lists, read: one that is gone (deleted by hand, a folder copied in part)
 * is the folder's fault, not the disk's, and regenerating it is the fix.
 */
async function readListed(root: string, file: string): Promise<string> {
  try {
    return await readFile(join(root, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw notListed(root, file, error);
  }
}

/** An attachment the manifest lists, there: one that is gone would fail its page halfway through a publish. */
function listedPath(root: string, file: string): string {
  const path = join(root, file);
  if (!existsSync(path)) throw notListed(root, file);
  return path;
}

function notListed(root: string, file: string, cause?: unknown): DocgenError {
  return new DocgenError(
    {
      code: 'DG_RENDERED_INVALID',
      message: `${MANIFEST_FILE} lists ${file}, which is not in ${root}`,
      location: { file: join(root, MANIFEST_FILE) },
      hint: 'regenerate the folder (run the generator command again): its files are written together, and publish reads them so',
    },
    { cause },
  );
}

/**
 * A manifest's `partial` and, for a flag run, `filesComparable`, `unlisted`, `withoutConfig` and `listedFiles`.
 * Versions of a day wrote `true` (a run of some plugins) and `files` (sources from flags, in a doc
 * set named after their folder).
 */
function partialOf(
  manifest: Manifest,
): Pick<PageTree, 'partial' | 'filesComparable' | 'unlisted' | 'withoutConfig' | 'listedFiles' | 'inConfigFolders'> {
  const partial = manifest.partial as unknown;
  // A set of the folder it records (see `manifestDocSet`), named after it or, with no name, the local
  // kind's set of that folder: its files' paths start there, and compare.
  const comparable =
    typeof manifest.docSetFolder === 'string' || manifest.filesComparable === true || partial === 'files';
  if (partial === 'flags' || partial === 'files')
    return {
      partial: 'flags',
      ...(comparable && { filesComparable: true }),
      ...(manifest.unlisted === true && { unlisted: true }),
      ...(manifest.withoutConfig === true && { withoutConfig: true }),
      ...(Array.isArray(manifest.listedFiles) && {
        listedFiles: manifest.listedFiles.filter((f) => typeof f === 'string'),
      }),
      ...(Array.isArray(manifest.inConfigFolders) && {
        inConfigFolders: manifest.inConfigFolders.filter((f) => typeof f === 'string'),
      }),
    };
  return partial === 'plugins' || partial === true ? { partial: 'plugins' } : {};
}

/**
 * The doc set a rendered folder is published as: named again after the folder the manifest records,
 * from the repository the rendered folder is in now (see `renderedDocSet`); else, for
 * `confluence.docSet` or an older docgen's manifest, as written.
 */
function manifestDocSet(
  root: string,
  manifest: Manifest,
  report?: (diagnostic: Diagnostic) => void,
): ReturnType<typeof renderedDocSet> {
  const formerNames = Array.isArray(manifest.docSetFormerNames)
    ? manifest.docSetFormerNames.filter((name) => typeof name === 'string')
    : [];
  const recorded = {
    ...(typeof manifest.docSet === 'string' && manifest.docSet && { name: manifest.docSet }),
    ...(formerNames.length > 0 && { formerNames }),
  };
  if (typeof manifest.docSetFolder !== 'string') return recorded;
  return renderedDocSet(root, manifest.docSetFolder, recorded, report);
}

/** `report`: told where the rendered folder's repository cannot name its doc set (`DG_DOC_SET_GIT`). */
export async function readRenderedTree(
  dir: string,
  options: { report?: (diagnostic: Diagnostic) => void } = {},
): Promise<{ manifest: Manifest; tree: PageTree }> {
  const root = resolve(dir);
  const manifestPath = join(root, MANIFEST_FILE);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new DocgenError(
      {
        code: missing ? 'DG_RENDERED_MISSING' : 'DG_RENDERED_INVALID',
        message: missing
          ? `no ${MANIFEST_FILE} in ${root}`
          : `${MANIFEST_FILE} is not valid JSON: ${(error as Error).message}`,
        location: { file: manifestPath },
        hint: missing
          ? 'pass the output folder of a generator command, e.g. `docgen api --out docs-out`'
          : 'regenerate the folder',
      },
      { cause: error },
    );
  }
  if (manifest.schemaVersion !== MANIFEST_SCHEMA_VERSION) {
    throw new DocgenError({
      code: 'DG_RENDERED_VERSION',
      message: `${MANIFEST_FILE} has schema version ${manifest.schemaVersion}; this docgen reads version ${MANIFEST_SCHEMA_VERSION}`,
      location: { file: manifestPath },
      hint: 'regenerate the folder with this version of docgen',
    });
  }
  const pages: Page[] = [];
  for (const entry of manifest.pages) {
    pages.push({
      key: entry.key,
      title: entry.title,
      parentKey: entry.parentKey,
      labels: entry.labels ?? [],
      position: entry.position,
      source: entry.source,
      ...(entry.titleUnderOutsideParent && { titleUnderOutsideParent: entry.titleUnderOutsideParent }),
      ...(typeof entry.nestUnderSourceOf === 'string' && { nestUnderSourceOf: entry.nestUnderSourceOf }),
      markdown: await readListed(root, entry.markdownFile),
      storage: entry.storageFile ? await readListed(root, entry.storageFile) : undefined,
      ...(typeof entry.linkBase === 'string' && entry.linkBase && { linkBase: entry.linkBase }),
      attachments: entry.attachments.map((a) => ({
        fileName: a.fileName,
        mediaType: a.mediaType,
        contentHash: a.contentHash,
        path: listedPath(root, a.file),
      })),
    });
  }
  const { name: docSet, formerNames, firstCommitName } = manifestDocSet(root, manifest, options.report);
  const tree: PageTree = {
    pages,
    ...(docSet ? { docSet } : {}),
    ...(typeof manifest.docSetFolder === 'string' && { docSetFolder: manifest.docSetFolder }),
    ...(docSet && formerNames && { docSetFormerNames: formerNames }),
    ...(docSet && firstCommitName && { docSetFirstCommitName: firstCommitName }),
    ...partialOf(manifest),
    ...(Array.isArray(manifest.outsideParents) && {
      outsideParents: manifest.outsideParents.filter((key) => typeof key === 'string'),
    }),
  };
  validatePageTree(tree);
  return { manifest, tree };
}
