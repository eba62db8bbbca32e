import Database from 'better-sqlite3';
import { makeFolderSync } from '@docgen/core';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ApiError } from '../errors.js';
import { insertCommentMarker, markerRefs } from '../inline-comments.js';
import { schemaSql, sequenceStarts } from './schema.js';
import type { SandboxConfig, SandboxUser } from '../config.js';

export interface SpaceRow {
  id: number;
  key: string;
  name: string;
  homepage_id: number | null;
  author_id: string;
  created_at: string;
}

export interface ContentRow {
  id: number;
  type: 'page' | 'attachment';
  space_id: number;
  parent_id: number | null;
  status: 'current' | 'trashed' | 'archived';
  title: string;
  title_key: string;
  body: string;
  version: number;
  version_message: string;
  minor_edit: number;
  version_author: string;
  version_at: string;
  author_id: string;
  created_at: string;
  position: number | null;
  media_type: string | null;
  file_size: number | null;
  comment: string | null;
}

/** A page's place in its space's tree. */
export type PageOutline = Pick<ContentRow, 'id' | 'parent_id' | 'title' | 'position'>;

export interface VersionRow {
  content_id: number;
  number: number;
  title: string;
  body: string;
  parent_id: number | null;
  message: string;
  minor_edit: number;
  author_id: string;
  created_at: string;
  media_type: string | null;
  file_size: number | null;
  comment: string | null;
}

export interface PropertyRow {
  id: number;
  content_id: number;
  key: string;
  value: string;
  version: number;
  message: string;
  minor_edit: number;
  author_id: string;
  updated_at: string;
}

export interface InlineCommentRow {
  id: number;
  page_id: number;
  marker_ref: string;
  text_selection: string;
  /** The comment's own body (storage). */
  body: string;
  resolution_status: 'open' | 'reopened' | 'resolved' | 'dangling';
  resolution_by: string | null;
  resolution_at: string | null;
  version: number;
  author_id: string;
  created_at: string;
}

export interface LabelRow {
  id: number;
  prefix: string;
  name: string;
}

export interface PageInput {
  spaceId: number;
  parentId?: number;
  title: string;
  body: string;
  message?: string;
  /** true: a page at the space root (no parent), like v2 `root-level=true`. */
  rootLevel?: boolean;
}

export interface PageUpdate {
  title: string;
  body?: string;
  parentId?: number;
  versionNumber: number;
  message?: string;
  minorEdit?: boolean;
  status?: 'current' | 'trashed';
}

export interface AttachmentInput {
  filename: string;
  mediaType: string;
  data: Buffer;
  comment?: string;
  minorEdit?: boolean;
}

const CONTENT_COLUMNS =
  'id, type, space_id, parent_id, status, title, title_key, body, version, version_message, minor_edit, version_author, version_at, author_id, created_at, position, media_type, file_size, comment';

const titleKey = (title: string): string => title.trim().toLowerCase();
const now = (): string => new Date().toISOString();

/** Confluence's duplicate-title wording (as seen from Cloud v1 and Data Center). */
export const duplicateTitleMessage = (title: string, spaceKey: string): string =>
  `A page with this title already exists: A page already exists with the title ${title} in the space with key ${spaceKey}`;

export const versionConflictMessage = (current: number): string =>
  `Version must be incremented on update. Current version is: ${current}`;

/**
 * All persistent state of a sandbox. Every write runs in an IMMEDIATE transaction so that
 * two publishers (even two processes on one data dir, thanks to WAL) see version numbers
 * increase one at a time and get Confluence's 409 when they race.
 */
export class Store {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(dataDir: string | undefined) {
    // Not mkdirSync's recursive mode: it never returns where a folder cannot be made (/proc, /sys).
    if (dataDir) makeFolderSync(dataDir);
    this.db = new Database(dataDir ? join(dataDir, 'sandbox.db') : ':memory:');
    // Wait for another process's write lock instead of failing (two sandboxes, one data dir).
    this.db.pragma('busy_timeout = 5000');
    if (dataDir) this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('synchronous = NORMAL');
    this.write(() => {
      this.db.exec(schemaSql);
      this.seedSequences();
    });
  }

  close(): void {
    this.db.close();
  }

  /** Run `fn` in an IMMEDIATE transaction (takes the write lock up front). */
  write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private seedSequences(): void {
    for (const [table, start] of Object.entries(sequenceStarts)) {
      const row = this.stmt('SELECT seq FROM sqlite_sequence WHERE name = ?').get(table);
      if (!row) this.stmt('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)').run(table, start);
    }
  }

  /** Create the configured spaces (with homepages) that do not exist yet. */
  seed(config: SandboxConfig, users: SandboxUser[]): void {
    const owner = users[0]?.accountId ?? 'sandbox';
    this.write(() => {
      for (const space of config.spaces) {
        if (this.spaceByKey(space.key)) continue;
        const name = space.name ?? space.key;
        const createdAt = now();
        const result = this.stmt('INSERT INTO spaces (key, name, author_id, created_at) VALUES (?, ?, ?, ?)').run(
          space.key,
          name,
          owner,
          createdAt,
        );
        const spaceId = Number(result.lastInsertRowid);
        const home = this.insertContent({
          type: 'page',
          spaceId,
          parentId: null,
          title: space.homepageTitle ?? `${name} Home`,
          body: `<p>Welcome to the ${escapeXml(name)} space.</p>`,
          authorId: owner,
          message: '',
        });
        this.stmt('UPDATE spaces SET homepage_id = ? WHERE id = ?').run(home, spaceId);
      }
    });
  }

  /** Drop everything (test mode `/__sandbox/reset`). */
  reset(): void {
    this.write(() => {
      for (const table of [
        'inline_comments',
        'content_labels',
        'labels',
        'properties',
        'versions',
        'content',
        'spaces',
      ]) {
        this.db.exec(`DELETE FROM ${table}`);
      }
      this.db.exec('DELETE FROM sqlite_sequence');
      this.seedSequences();
    });
  }

  // ---------------------------------------------------------------- spaces

  listSpaces(): SpaceRow[] {
    return this.stmt('SELECT * FROM spaces ORDER BY key').all() as SpaceRow[];
  }

  spaceByKey(key: string): SpaceRow | undefined {
    return this.stmt('SELECT * FROM spaces WHERE key = ? COLLATE NOCASE').get(key) as SpaceRow | undefined;
  }

  spaceById(id: number): SpaceRow | undefined {
    return this.stmt('SELECT * FROM spaces WHERE id = ?').get(id) as SpaceRow | undefined;
  }

  // ---------------------------------------------------------------- content reads

  content(id: number): ContentRow | undefined {
    return this.stmt(`SELECT ${CONTENT_COLUMNS} FROM content WHERE id = ?`).get(id) as ContentRow | undefined;
  }

  /** Pages (or attachments) matching simple filters, ordered by id. */
  listContent(filter: {
    type: 'page' | 'attachment';
    spaceIds?: number[];
    title?: string;
    statuses?: string[];
    parentId?: number;
  }): ContentRow[] {
    const where = ['type = ?'];
    const params: unknown[] = [filter.type];
    if (filter.spaceIds) {
      where.push(`space_id IN (${filter.spaceIds.map(() => '?').join(',') || 'NULL'})`);
      params.push(...filter.spaceIds);
    }
    if (filter.title !== undefined) {
      where.push('title = ?');
      params.push(filter.title);
    }
    if (filter.statuses) {
      where.push(`status IN (${filter.statuses.map(() => '?').join(',') || 'NULL'})`);
      params.push(...filter.statuses);
    }
    if (filter.parentId !== undefined) {
      where.push('parent_id = ?');
      params.push(filter.parentId);
    }
    return this.db
      .prepare(`SELECT ${CONTENT_COLUMNS} FROM content WHERE ${where.join(' AND ')} ORDER BY id`)
      .all(...params) as ContentRow[];
  }

  /**
   * A space's current pages as the page tree needs them: no body, so listing a space of big pages
   * costs its titles, not its text.
   */
  pageOutline(spaceId: number): PageOutline[] {
    return this.stmt(
      `SELECT id, parent_id, title, position FROM content WHERE space_id = ? AND type = 'page' AND status = 'current' ORDER BY id`,
    ).all(spaceId) as PageOutline[];
  }

  /** A page's current child pages in their order, without their bodies. */
  childOutline(parentId: number): PageOutline[] {
    return this.stmt(
      `SELECT id, parent_id, title, position FROM content WHERE parent_id = ? AND type = 'page' AND status = 'current' ORDER BY position, id`,
    ).all(parentId) as PageOutline[];
  }

  /** How many current pages a space has. */
  pageCount(spaceId: number): number {
    return (
      this.stmt(`SELECT COUNT(*) AS n FROM content WHERE space_id = ? AND type = 'page' AND status = 'current'`).get(
        spaceId,
      ) as { n: number }
    ).n;
  }

  /** The id of the current page titled `title` (case-insensitively), without reading its body. */
  pageIdByTitle(spaceId: number, title: string): number | undefined {
    const row = this.stmt(
      `SELECT id FROM content WHERE space_id = ? AND title_key = ? AND type = 'page' AND status = 'current'`,
    ).get(spaceId, titleKey(title)) as { id: number } | undefined;
    return row?.id;
  }

  children(parentId: number, type: 'page' | 'attachment' = 'page'): ContentRow[] {
    return this.stmt(
      `SELECT ${CONTENT_COLUMNS} FROM content WHERE parent_id = ? AND type = ? AND status = 'current' ORDER BY position, id`,
    ).all(parentId, type) as ContentRow[];
  }

  /** Root first, the direct parent last; like Confluence's `ancestors`. */
  ancestors(id: number): ContentRow[] {
    const chain: ContentRow[] = [];
    let current = this.content(id);
    const seen = new Set<number>();
    while (current?.parent_id != null && !seen.has(current.parent_id)) {
      seen.add(current.parent_id);
      current = this.content(current.parent_id);
      if (current) chain.unshift(current);
    }
    return chain;
  }

  pageByTitle(spaceId: number, title: string): ContentRow | undefined {
    return this.stmt(
      `SELECT ${CONTENT_COLUMNS} FROM content WHERE space_id = ? AND title_key = ? AND type = 'page' AND status = 'current'`,
    ).get(spaceId, titleKey(title)) as ContentRow | undefined;
  }

  /** The page that holds a title in a space: a current one, or one in the trash or the archive. */
  pageHoldingTitle(spaceId: number, title: string): ContentRow | undefined {
    return this.stmt(
      `SELECT ${CONTENT_COLUMNS} FROM content WHERE space_id = ? AND title_key = ? AND type = 'page' ORDER BY status = 'current' DESC, id LIMIT 1`,
    ).get(spaceId, titleKey(title)) as ContentRow | undefined;
  }

  versions(id: number): VersionRow[] {
    return this.stmt(
      'SELECT content_id, number, title, body, parent_id, message, minor_edit, author_id, created_at, media_type, file_size, comment FROM versions WHERE content_id = ? ORDER BY number DESC',
    ).all(id) as VersionRow[];
  }

  version(id: number, number: number): VersionRow | undefined {
    return this.stmt(
      'SELECT content_id, number, title, body, parent_id, message, minor_edit, author_id, created_at, media_type, file_size, comment FROM versions WHERE content_id = ? AND number = ?',
    ).get(id, number) as VersionRow | undefined;
  }

  attachmentData(id: number, version?: number): Buffer | undefined {
    const row = version
      ? this.stmt('SELECT data FROM versions WHERE content_id = ? AND number = ?').get(id, version)
      : this.stmt('SELECT data FROM content WHERE id = ?').get(id);
    return (row as { data: Buffer | null } | undefined)?.data ?? undefined;
  }

  attachmentByName(containerId: number, filename: string): ContentRow | undefined {
    return this.stmt(
      `SELECT ${CONTENT_COLUMNS} FROM content WHERE parent_id = ? AND type = 'attachment' AND status = 'current' AND title_key = ?`,
    ).get(containerId, titleKey(filename)) as ContentRow | undefined;
  }

  // ---------------------------------------------------------------- page writes

  private insertContent(input: {
    type: 'page' | 'attachment';
    spaceId: number;
    parentId: number | null;
    title: string;
    body: string;
    authorId: string;
    message: string;
    minorEdit?: boolean;
    attachment?: { mediaType: string; data: Buffer; comment?: string };
  }): number {
    const at = now();
    const position =
      input.parentId == null
        ? null
        : ((
            this.stmt('SELECT MAX(position) AS p FROM content WHERE parent_id = ? AND type = ?').get(
              input.parentId,
              input.type,
            ) as {
              p: number | null;
            }
          ).p ?? -1) + 1;
    const a = input.attachment;
    const result = this.stmt(
      `INSERT INTO content (type, space_id, parent_id, status, title, title_key, body, version, version_message, minor_edit,
        version_author, version_at, author_id, created_at, position, media_type, file_size, comment, data)
       VALUES (?, ?, ?, 'current', ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.type,
      input.spaceId,
      input.parentId,
      input.title,
      titleKey(input.title),
      input.body,
      input.message,
      input.minorEdit ? 1 : 0,
      input.authorId,
      at,
      input.authorId,
      at,
      position,
      a?.mediaType ?? null,
      a ? a.data.length : null,
      a?.comment ?? null,
      a?.data ?? null,
    );
    const id = Number(result.lastInsertRowid);
    this.snapshot(id);
    return id;
  }

  /** Copy the live row into `versions` (called after each write of a new version). */
  private snapshot(id: number): void {
    this.stmt(
      `INSERT OR REPLACE INTO versions (content_id, number, title, body, parent_id, message, minor_edit, author_id, created_at, media_type, file_size, comment, data)
       SELECT id, version, title, body, parent_id, version_message, minor_edit, version_author, version_at, media_type, file_size, comment, data FROM content WHERE id = ?`,
    ).run(id);
  }

  /**
   * A new page; with `metadata`, its labels and content properties are created in the same
   * transaction (v1 `POST /content` with `metadata.labels` / `metadata.properties`): all or nothing.
   */
  createPage(
    input: PageInput,
    author: SandboxUser,
    metadata: {
      labels?: Array<{ prefix?: string; name: string }>;
      properties?: Array<{ key: string; value: unknown }>;
    } = {},
  ): ContentRow {
    return this.write(() => {
      const space = this.spaceById(input.spaceId);
      if (!space) throw new ApiError(404, `No space with id ${input.spaceId}`);
      let parentId: number | null = null;
      if (input.parentId !== undefined) {
        const parent = this.content(input.parentId);
        if (!parent || parent.type !== 'page' || parent.status !== 'current') {
          throw new ApiError(404, `Could not find parent page with id ${input.parentId}`);
        }
        if (parent.space_id !== space.id) {
          throw new ApiError(400, `The parent page ${input.parentId} is not in space ${space.key}`);
        }
        parentId = parent.id;
      } else if (!input.rootLevel) {
        parentId = space.homepage_id;
      }
      this.assertTitleFree(space, input.title);
      const id = this.insertContent({
        type: 'page',
        spaceId: space.id,
        parentId,
        title: input.title,
        body: input.body,
        authorId: author.accountId,
        message: input.message ?? '',
      });
      if (metadata.labels?.length) this.addLabels(id, metadata.labels);
      for (const property of metadata.properties ?? []) this.createProperty(id, property.key, property.value, author);
      return this.content(id)!;
    });
  }

  /**
   * Confluence keeps a page title unique across the whole space, the trash and the archive
   * included: a deleted or archived page holds its title until it is purged (md2conf#275,
   * confluencebuilder#718, maven-confluence-plugin#126). The refusal is the same 400.
   */
  private assertTitleFree(space: SpaceRow, title: string, exceptId?: number): void {
    if (title.trim() === '') throw new ApiError(400, 'Title cannot be empty');
    if (title.length > 255) throw new ApiError(400, 'Title cannot be longer than 255 characters.');
    const clash = this.pageHoldingTitle(space.id, title);
    if (clash && clash.id !== exceptId) {
      throw new ApiError(400, duplicateTitleMessage(title, space.key));
    }
  }

  /**
   * A new version: the caller's number must be exactly current + 1, checked and written in
   * one transaction, so of two racing writers exactly one wins and the other gets 409.
   */
  updatePage(id: number, update: PageUpdate, author: SandboxUser): ContentRow {
    return this.write(() => {
      const page = this.content(id);
      if (!page || page.type !== 'page') throw new ApiError(404, `No content with id ${id}`);
      const space = this.spaceById(page.space_id)!;
      if (page.status === 'trashed' && update.status !== 'current') {
        throw new ApiError(404, `No content with id ${id}`);
      }
      if (update.versionNumber !== page.version + 1) {
        throw new ApiError(409, versionConflictMessage(page.version));
      }
      let parentId = page.parent_id;
      if (update.parentId !== undefined && update.parentId !== page.parent_id) {
        const parent = this.content(update.parentId);
        if (!parent || parent.type !== 'page' || parent.status !== 'current') {
          throw new ApiError(404, `Could not find parent page with id ${update.parentId}`);
        }
        if (parent.space_id !== page.space_id)
          throw new ApiError(400, 'Moving a page to another space is not supported here');
        if (parent.id === id || this.ancestors(parent.id).some((a) => a.id === id)) {
          throw new ApiError(400, 'A page cannot be moved under itself or one of its descendants');
        }
        parentId = parent.id;
      }
      this.assertTitleFree(space, update.title, id);
      // A page given a new parent goes to the end of its new siblings, as Confluence does.
      if (parentId !== page.parent_id)
        this.stmt('UPDATE content SET position = ? WHERE id = ?').run(this.nextPosition(parentId, 'page'), id);
      const at = now();
      const changed = this.stmt(
        `UPDATE content SET title = ?, title_key = ?, body = ?, parent_id = ?, status = 'current', version = version + 1,
           version_message = ?, minor_edit = ?, version_author = ?, version_at = ?
         WHERE id = ? AND version = ?`,
      ).run(
        update.title,
        titleKey(update.title),
        update.body ?? page.body,
        parentId,
        update.message ?? '',
        update.minorEdit ? 1 : 0,
        author.accountId,
        at,
        id,
        page.version,
      );
      if (changed.changes !== 1) throw new ApiError(409, versionConflictMessage(page.version));
      this.snapshot(id);
      this.resolveUnanchoredComments(id, update.body ?? page.body, author);
      return this.content(id)!;
    });
  }

  /**
   * An inline comment on a page: its marker goes into the page body around the selected text
   * (`insertCommentMarker`). Confluence does this without a new page version — the history shows
   * no entry and the version number stays, so a publisher that compares versions sees no edit — and
   * so does the sandbox: the live body and its current version's snapshot get the marker in place.
   */
  createInlineComment(
    pageId: number,
    input: { selection: string; matchCount?: number; matchIndex?: number; body: string },
    author: SandboxUser,
  ): InlineCommentRow {
    return this.write(() => {
      const page = this.content(pageId);
      if (!page || page.type !== 'page' || page.status !== 'current')
        throw new ApiError(404, `No page with id ${pageId}`);
      const ref = randomUUID();
      const body = insertCommentMarker(
        page.body,
        { text: input.selection, matchCount: input.matchCount, matchIndex: input.matchIndex },
        ref,
      );
      this.stmt('UPDATE content SET body = ? WHERE id = ?').run(body, pageId);
      this.stmt('UPDATE versions SET body = ? WHERE content_id = ? AND number = ?').run(body, pageId, page.version);
      const result = this.stmt(
        'INSERT INTO inline_comments (page_id, marker_ref, text_selection, body, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(pageId, ref, input.selection, input.body, author.accountId, now());
      return this.inlineComment(Number(result.lastInsertRowid))!;
    });
  }

  inlineComment(id: number): InlineCommentRow | undefined {
    return this.stmt('SELECT * FROM inline_comments WHERE id = ?').get(id) as InlineCommentRow | undefined;
  }

  inlineComments(pageId: number): InlineCommentRow[] {
    return this.stmt('SELECT * FROM inline_comments WHERE page_id = ? ORDER BY id').all(pageId) as InlineCommentRow[];
  }

  /**
   * A page written without an open comment's marker resolves that comment, as Confluence does
   * (confluence-publisher#289: "they are set as resolved", found again under resolved comments;
   * newer Cloud reports such a comment as `dangling`, atlassian-mcp-server#54 — the sandbox keeps
   * the resolution a person sees in the page's comment panel).
   */
  private resolveUnanchoredComments(pageId: number, body: string, author: SandboxUser): void {
    const anchored = markerRefs(body);
    for (const comment of this.inlineComments(pageId)) {
      if (comment.resolution_status === 'resolved' || anchored.has(comment.marker_ref)) continue;
      this.stmt(
        "UPDATE inline_comments SET resolution_status = 'resolved', resolution_by = ?, resolution_at = ? WHERE id = ?",
      ).run(author.accountId, now(), comment.id);
    }
  }

  /**
   * Trash a page. Like Confluence, its children move up to the trashed page's parent
   * rather than disappearing with it.
   */
  trashPage(id: number): void {
    this.write(() => {
      const page = this.content(id);
      if (!page || page.status !== 'current') throw new ApiError(404, `No content with id ${id}`);
      const space = this.spaceById(page.space_id);
      if (page.type === 'page' && space?.homepage_id === id) {
        throw new ApiError(400, 'The space homepage cannot be deleted');
      }
      this.stmt("UPDATE content SET parent_id = ? WHERE parent_id = ? AND type = 'page'").run(page.parent_id, id);
      this.stmt("UPDATE content SET status = 'trashed' WHERE id = ?").run(id);
    });
  }

  /**
   * Cloud's archive: the pages leave the tree (children move up, as with trash) but keep their
   * titles; they stay readable with `status=archived`. All or nothing, like the long task.
   */
  archivePages(ids: number[]): void {
    this.write(() => {
      for (const id of ids) {
        const page = this.content(id);
        if (!page || page.type !== 'page') throw new ApiError(400, `Content ${id} does not resolve to a page`);
        if (page.status === 'archived') throw new ApiError(400, `Page ${id} is already archived`);
        if (page.status !== 'current') throw new ApiError(400, `Page ${id} is not current and cannot be archived`);
        if (this.spaceById(page.space_id)?.homepage_id === id)
          throw new ApiError(400, 'The space homepage cannot be archived');
        this.stmt("UPDATE content SET parent_id = ? WHERE parent_id = ? AND type = 'page' AND status = 'current'").run(
          page.parent_id,
          id,
        );
        this.stmt("UPDATE content SET status = 'archived' WHERE id = ?").run(id);
      }
    });
  }

  /**
   * Cloud's `PUT /content/{id}/move/{position}/{targetId}`: `append` makes the page the last
   * child of the target; `before`/`after` put it beside the target under the target's parent.
   * Sibling positions are renumbered 0…n-1. A move is not a new version of the page.
   */
  movePage(id: number, position: 'before' | 'after' | 'append', targetId: number): ContentRow {
    return this.write(() => {
      const page = this.content(id);
      const target = this.content(targetId);
      if (!page || page.type !== 'page' || page.status !== 'current')
        throw new ApiError(404, `No content with id ${id}`);
      if (!target || target.type !== 'page' || target.status !== 'current')
        throw new ApiError(404, `No content with id ${targetId}`);
      if (target.space_id !== page.space_id)
        throw new ApiError(400, 'Moving a page to another space is not supported here');
      if (target.id === id || this.ancestors(target.id).some((a) => a.id === id))
        throw new ApiError(
          400,
          'The move would create a parent-child loop: a page cannot be moved under itself or one of its descendants',
        );
      const parentId = position === 'append' ? target.id : target.parent_id;
      const siblings = (
        parentId == null
          ? (this.stmt(
              "SELECT id FROM content WHERE parent_id IS NULL AND space_id = ? AND type = 'page' AND status = 'current' AND id != ? ORDER BY position, id",
            ).all(page.space_id, id) as { id: number }[])
          : (this.stmt(
              "SELECT id FROM content WHERE parent_id = ? AND type = 'page' AND status = 'current' AND id != ? ORDER BY position, id",
            ).all(parentId, id) as { id: number }[])
      ).map((r) => r.id);
      const at = position === 'append' ? siblings.length : siblings.indexOf(target.id) + (position === 'after' ? 1 : 0);
      siblings.splice(at, 0, id);
      this.stmt('UPDATE content SET parent_id = ? WHERE id = ?').run(parentId, id);
      siblings.forEach((siblingId, index) =>
        this.stmt('UPDATE content SET position = ? WHERE id = ?').run(index, siblingId),
      );
      return this.content(id)!;
    });
  }

  private nextPosition(parentId: number | null, type: 'page' | 'attachment'): number | null {
    if (parentId == null) return null;
    const row = this.stmt('SELECT MAX(position) AS p FROM content WHERE parent_id = ? AND type = ?').get(
      parentId,
      type,
    ) as {
      p: number | null;
    };
    return (row.p ?? -1) + 1;
  }

  /** Deleting an attachment moves it to the trash (its name is free again, unlike a page's title); purge removes it. */
  trashAttachment(id: number): void {
    this.write(() => {
      const attachment = this.content(id);
      if (!attachment || attachment.type !== 'attachment' || attachment.status !== 'current')
        throw new ApiError(404, `No attachment with id ${id}`);
      this.stmt("UPDATE content SET status = 'trashed' WHERE id = ?").run(id);
    });
  }

  /** Permanently remove trashed content with its versions, properties, labels and attachments. */
  purge(id: number): void {
    this.write(() => {
      const item = this.content(id);
      if (!item) throw new ApiError(404, `No content with id ${id}`);
      if (item.status !== 'trashed')
        throw new ApiError(400, `Content ${id} is not in the trash; delete it first, then purge`);
      const ids = [
        id,
        ...(
          this.stmt('SELECT id FROM content WHERE parent_id = ? AND type = ?').all(id, 'attachment') as { id: number }[]
        ).map((r) => r.id),
      ];
      for (const contentId of ids) {
        this.stmt('DELETE FROM versions WHERE content_id = ?').run(contentId);
        this.stmt('DELETE FROM properties WHERE content_id = ?').run(contentId);
        this.stmt('DELETE FROM content_labels WHERE content_id = ?').run(contentId);
        this.stmt('DELETE FROM inline_comments WHERE page_id = ?').run(contentId);
        this.stmt('DELETE FROM content WHERE id = ?').run(contentId);
      }
    });
  }

  /** Test mode's "409 race": another writer bumps the version just before this request. */
  simulateConcurrentEdit(id: number): boolean {
    return this.write(() => {
      const page = this.content(id);
      if (!page || page.status !== 'current') return false;
      this.stmt(
        "UPDATE content SET version = version + 1, version_message = 'concurrent edit (sandbox fault)', version_at = ? WHERE id = ?",
      ).run(now(), id);
      this.snapshot(id);
      return true;
    });
  }

  // ---------------------------------------------------------------- attachments

  createAttachment(containerId: number, input: AttachmentInput, author: SandboxUser): ContentRow {
    return this.write(() => {
      const container = this.content(containerId);
      if (!container || container.status !== 'current') throw new ApiError(404, `No content with id ${containerId}`);
      if (this.attachmentByName(containerId, input.filename)) {
        throw new ApiError(
          400,
          `Cannot add a new attachment with same file name as an existing attachment: ${input.filename}`,
        );
      }
      const id = this.insertContent({
        type: 'attachment',
        spaceId: container.space_id,
        parentId: containerId,
        title: input.filename,
        body: '',
        authorId: author.accountId,
        message: input.comment ?? '',
        minorEdit: input.minorEdit,
        attachment: { mediaType: input.mediaType, data: input.data, comment: input.comment },
      });
      return this.content(id)!;
    });
  }

  updateAttachmentData(id: number, input: AttachmentInput, author: SandboxUser): ContentRow {
    return this.write(() => {
      const attachment = this.content(id);
      if (!attachment || attachment.type !== 'attachment' || attachment.status !== 'current') {
        throw new ApiError(404, `No attachment with id ${id}`);
      }
      this.stmt(
        `UPDATE content SET version = version + 1, version_message = ?, minor_edit = ?, version_author = ?, version_at = ?,
           media_type = ?, file_size = ?, comment = ?, data = ?, title = ?, title_key = ? WHERE id = ?`,
      ).run(
        input.comment ?? '',
        input.minorEdit ? 1 : 0,
        author.accountId,
        now(),
        input.mediaType,
        input.data.length,
        input.comment ?? attachment.comment,
        input.data,
        input.filename || attachment.title,
        titleKey(input.filename || attachment.title),
        id,
      );
      this.snapshot(id);
      return this.content(id)!;
    });
  }

  // ---------------------------------------------------------------- properties

  properties(contentId: number): PropertyRow[] {
    return this.stmt('SELECT * FROM properties WHERE content_id = ? ORDER BY id').all(contentId) as PropertyRow[];
  }

  propertyById(contentId: number, id: number): PropertyRow | undefined {
    return this.stmt('SELECT * FROM properties WHERE content_id = ? AND id = ?').get(contentId, id) as
      PropertyRow | undefined;
  }

  propertyByKey(contentId: number, key: string): PropertyRow | undefined {
    return this.stmt('SELECT * FROM properties WHERE content_id = ? AND key = ?').get(contentId, key) as
      PropertyRow | undefined;
  }

  createProperty(contentId: number, key: string, value: unknown, author: SandboxUser): PropertyRow {
    return this.write(() => {
      if (!key) throw new ApiError(400, 'Property key is required');
      if (this.propertyByKey(contentId, key)) {
        throw new ApiError(409, `Cannot add a property with key '${key}' that already exists on content ${contentId}`);
      }
      const result = this.stmt(
        'INSERT INTO properties (content_id, key, value, version, author_id, updated_at) VALUES (?, ?, ?, 1, ?, ?)',
      ).run(contentId, key, JSON.stringify(value ?? null), author.accountId, now());
      return this.stmt('SELECT * FROM properties WHERE id = ?').get(result.lastInsertRowid) as PropertyRow;
    });
  }

  updateProperty(
    contentId: number,
    lookup: { id?: number; key?: string },
    change: { key?: string; value: unknown; versionNumber: number; message?: string; minorEdit?: boolean },
    author: SandboxUser,
  ): PropertyRow {
    return this.write(() => {
      const property =
        lookup.id !== undefined ? this.propertyById(contentId, lookup.id) : this.propertyByKey(contentId, lookup.key!);
      if (!property) throw new ApiError(404, `No property ${lookup.id ?? lookup.key} on content ${contentId}`);
      if (change.versionNumber !== property.version + 1) {
        throw new ApiError(409, versionConflictMessage(property.version));
      }
      if (change.key && change.key !== property.key) {
        throw new ApiError(400, 'The key of a property cannot be changed');
      }
      this.stmt(
        'UPDATE properties SET value = ?, version = version + 1, message = ?, minor_edit = ?, author_id = ?, updated_at = ? WHERE id = ?',
      ).run(
        JSON.stringify(change.value ?? null),
        change.message ?? '',
        change.minorEdit ? 1 : 0,
        author.accountId,
        now(),
        property.id,
      );
      return this.stmt('SELECT * FROM properties WHERE id = ?').get(property.id) as PropertyRow;
    });
  }

  deleteProperty(contentId: number, lookup: { id?: number; key?: string }): void {
    this.write(() => {
      const property =
        lookup.id !== undefined ? this.propertyById(contentId, lookup.id) : this.propertyByKey(contentId, lookup.key!);
      if (!property) throw new ApiError(404, `No property ${lookup.id ?? lookup.key} on content ${contentId}`);
      this.stmt('DELETE FROM properties WHERE id = ?').run(property.id);
    });
  }

  // ---------------------------------------------------------------- labels

  labels(contentId: number): LabelRow[] {
    return this.stmt(
      'SELECT l.id, l.prefix, l.name FROM labels l JOIN content_labels cl ON cl.label_id = l.id WHERE cl.content_id = ? ORDER BY l.name',
    ).all(contentId) as LabelRow[];
  }

  /** content id → its label names; for CQL over many pages at once. */
  labelIndex(): Map<number, string[]> {
    const index = new Map<number, string[]>();
    const rows = this.stmt(
      'SELECT cl.content_id AS id, l.name FROM content_labels cl JOIN labels l ON l.id = cl.label_id',
    ).all() as {
      id: number;
      name: string;
    }[];
    for (const row of rows) index.set(row.id, [...(index.get(row.id) ?? []), row.name]);
    return index;
  }

  addLabels(contentId: number, labels: Array<{ prefix?: string; name: string }>): LabelRow[] {
    return this.write(() => {
      for (const label of labels) {
        const name = String(label.name ?? '')
          .trim()
          .toLowerCase();
        if (!name || /[\s:;,.?&[\]()#^*@!]/.test(name))
          throw new ApiError(400, `Label name is not valid: '${label.name}'`);
        const prefix = label.prefix ?? 'global';
        this.stmt('INSERT OR IGNORE INTO labels (prefix, name) VALUES (?, ?)').run(prefix, name);
        const { id } = this.stmt('SELECT id FROM labels WHERE prefix = ? AND name = ?').get(prefix, name) as {
          id: number;
        };
        this.stmt('INSERT OR IGNORE INTO content_labels (content_id, label_id) VALUES (?, ?)').run(contentId, id);
      }
      return this.labels(contentId);
    });
  }

  removeLabel(contentId: number, name: string): void {
    this.write(() => {
      const label = this.labels(contentId).find((l) => l.name === name.toLowerCase());
      if (!label) throw new ApiError(404, `Label '${name}' is not on content ${contentId}`);
      this.stmt('DELETE FROM content_labels WHERE content_id = ? AND label_id = ?').run(contentId, label.id);
    });
  }
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
