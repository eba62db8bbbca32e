import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import type { SandboxUser } from '../config.js';
import {
  canRead,
  linksFor,
  parseId,
  readableContent,
  readableSpace,
  userOf,
  writableContent,
  writableSpace,
  type Links,
  type SandboxContext,
} from '../context.js';
import { CqlError, parseCql } from '../cql/parse.js';
import { runCql, type CqlDocument } from '../cql/evaluate.js';
import { ApiError } from '../errors.js';
import { v1Page } from '../pagination.js';
import type { ContentRow, LabelRow, PropertyRow, SpaceRow, VersionRow } from '../store/store.js';
import { checkStorageXhtml } from '../xhtml.js';
import { webuiPath } from './links.js';

type Query = Record<string, string | undefined>;
type Body = Record<string, unknown>;

/** `expand=body.storage,version` → {body, body.storage, version}. */
export function parseExpand(raw: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const item of (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const parts = item.split('.');
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('.'));
  }
  return out;
}

/** Property keys named by `metadata.properties.<key>` expansions (keys cannot contain dots there). */
function propertyKeys(expand: Set<string>): string[] {
  const keys = new Set<string>();
  for (const item of expand) {
    const match = /^metadata\.properties\.([^.]+)/.exec(item);
    if (match) keys.add(match[1]!);
  }
  return [...keys];
}

/**
 * Largest `limit` of a CQL search: Cloud honours 250 when no body is expanded; with a body
 * expansion the sandbox keeps the general v1 cap of 200 (bodies make each result heavy).
 */
export function searchLimitCap(expand: Set<string>): number {
  return [...expand].some((item) => item === 'body' || item.startsWith('body.')) ? 200 : 250;
}

/** Sub-expansions under a prefix: `children.page.version` under `children.page` → {version}. */
function under(expand: Set<string>, prefix: string): Set<string> {
  const out = new Set<string>();
  for (const item of expand) if (item.startsWith(prefix + '.')) out.add(item.slice(prefix.length + 1));
  return out;
}

// ------------------------------------------------------------------ shapes (v1 / DC)

export class V1Shapes {
  constructor(
    private readonly ctx: SandboxContext,
    private readonly links: Links,
  ) {}

  user(accountId: string): Record<string, unknown> {
    const user = this.ctx.users.find((u) => u.accountId === accountId);
    const name = user?.displayName ?? 'Sandbox';
    if (this.links.context === '') {
      // Data Center users have usernames and keys, no Atlassian account.
      return {
        type: 'known',
        username: user?.email ?? accountId,
        userKey: accountId,
        profilePicture: { path: '/images/icons/profilepics/default.svg', width: 48, height: 48, isDefault: true },
        displayName: name,
        _links: { self: `${this.links.base}/rest/api/user?key=${accountId}` },
      };
    }
    return {
      type: 'known',
      accountId,
      accountType: 'atlassian',
      email: user?.email ?? '',
      publicName: name,
      displayName: name,
      username: user?.email ?? accountId,
      userKey: accountId,
      profilePicture: { path: '/images/icons/profilepics/default.svg', width: 48, height: 48, isDefault: true },
      isExternalCollaborator: false,
      _expandable: { operations: '', personalSpace: '' },
      _links: { self: `${this.links.base}/rest/api/user?accountId=${accountId}` },
    };
  }

  space(space: SpaceRow, expand = new Set<string>()): Record<string, unknown> {
    const shape: Record<string, unknown> = {
      id: space.id,
      key: space.key,
      name: space.name,
      type: 'global',
      status: 'current',
      _expandable: {
        settings: '',
        metadata: '',
        operations: '',
        lookAndFeel: '',
        identifiers: '',
        permissions: '',
        icon: '',
        description: '',
        theme: '',
        history: '',
        homepage: `/rest/api/content/${space.homepage_id}`,
      },
      _links: { webui: `/spaces/${space.key}`, self: `${this.links.base}/rest/api/space/${space.key}` },
    };
    if (expand.has('homepage') && space.homepage_id != null) {
      const home = this.ctx.store.content(space.homepage_id);
      if (home) shape.homepage = this.content(home);
      delete (shape._expandable as Record<string, string>).homepage;
    }
    if (expand.has('description')) {
      shape.description = { plain: { value: '', representation: 'plain', embeddedContent: [] } };
      delete (shape._expandable as Record<string, string>).description;
    }
    return shape;
  }

  version(
    row: { number: number; at: string; message: string; minorEdit: boolean; author: string },
    contentId: number,
  ): Record<string, unknown> {
    return {
      by: this.user(row.author),
      when: row.at,
      friendlyWhen: row.at,
      message: row.message,
      number: row.number,
      minorEdit: row.minorEdit,
      _expandable: { collaborators: '', content: `/rest/api/content/${contentId}` },
      _links: { self: `${this.links.base}/rest/api/content/${contentId}/version/${row.number}` },
    };
  }

  private currentVersion(row: ContentRow) {
    return this.version(
      {
        number: row.version,
        at: row.version_at,
        message: row.version_message,
        minorEdit: row.minor_edit === 1,
        author: row.version_author,
      },
      row.id,
    );
  }

  /** A v1 Content object; only what `expand` asks for is filled in, the rest listed in `_expandable`. */
  content(row: ContentRow, expand = new Set<string>(), historical?: VersionRow): Record<string, unknown> {
    const { store } = this.ctx;
    const space = store.spaceById(row.space_id)!;
    const title = historical?.title ?? row.title;
    const body = historical?.body ?? row.body;
    const expandable: Record<string, string> = {
      childTypes: '',
      container: `/rest/api/space/${space.key}`,
      metadata: '',
      operations: '',
      children: `/rest/api/content/${row.id}/child`,
      restrictions: `/rest/api/content/${row.id}/restriction/byOperation`,
      history: `/rest/api/content/${row.id}/history`,
      ancestors: '',
      body: '',
      version: '',
      descendants: `/rest/api/content/${row.id}/descendant`,
      space: `/rest/api/space/${space.key}`,
    };
    const shape: Record<string, unknown> = {
      id: String(row.id),
      type: row.type,
      status: historical && historical.number !== row.version ? 'historical' : row.status,
      title,
    };
    const fill = (key: string, value: unknown) => {
      shape[key] = value;
      delete expandable[key];
    };
    if (expand.has('space')) fill('space', this.space(space, under(expand, 'space')));
    if (expand.has('history')) {
      fill('history', {
        latest: !historical || historical.number === row.version,
        createdBy: this.user(row.author_id),
        createdDate: row.created_at,
        _expandable: { lastUpdated: '', previousVersion: '', contributors: '', nextVersion: '' },
        _links: { self: `${this.links.base}/rest/api/content/${row.id}/history` },
      });
    }
    if (expand.has('version')) {
      fill(
        'version',
        historical
          ? this.version(
              {
                number: historical.number,
                at: historical.created_at,
                message: historical.message,
                minorEdit: historical.minor_edit === 1,
                author: historical.author_id,
              },
              row.id,
            )
          : this.currentVersion(row),
      );
    }
    if (expand.has('ancestors'))
      fill(
        'ancestors',
        store.ancestors(row.id).map((a) => this.content(a)),
      );
    if (expand.has('container')) {
      const parent = row.type === 'attachment' && row.parent_id != null ? store.content(row.parent_id) : undefined;
      fill('container', parent ? this.content(parent) : this.space(space));
    }
    if (expand.has('body')) {
      const bodyShape: Record<string, unknown> = {
        _expandable: {
          editor: '',
          atlas_doc_format: '',
          view: '',
          export_view: '',
          styled_view: '',
          dynamic: '',
          storage: '',
          editor2: '',
          anonymous_export_view: '',
        },
      };
      if (expand.has('body.storage')) {
        bodyShape.storage = {
          value: body,
          representation: 'storage',
          embeddedContent: [],
          _expandable: { content: `/rest/api/content/${row.id}` },
        };
        delete (bodyShape._expandable as Record<string, string>).storage;
      }
      fill('body', bodyShape);
    }
    if (expand.has('metadata')) {
      const metadata: Record<string, unknown> = {
        _expandable: { currentuser: '', comments: '', simple: '', properties: '', frontend: '', likes: '' },
      };
      if (expand.has('metadata.labels')) {
        const labels = store.labels(row.id).map((l) => this.label(l));
        metadata.labels = { results: labels, start: 0, limit: 200, size: labels.length, _links: {} };
      }
      // `metadata.properties.<key>`: like Confluence, an object keyed by property key holding each
      // expanded property the content has (a key it lacks is simply absent), never the others.
      const keys = propertyKeys(expand);
      if (keys.length > 0) {
        const properties: Record<string, unknown> = {};
        for (const key of keys) {
          const property = store.propertyByKey(row.id, key);
          if (property) properties[key] = this.property(property);
        }
        metadata.properties = properties;
        delete (metadata._expandable as Record<string, string>).properties;
      }
      if (row.type === 'attachment') metadata.mediaType = row.media_type;
      if (row.type === 'attachment' && row.comment) metadata.comment = row.comment;
      fill('metadata', metadata);
    }
    if (expand.has('children')) {
      const children: Record<string, unknown> = { _expandable: { attachment: '', comment: '', page: '' }, _links: {} };
      for (const kind of ['page', 'attachment'] as const) {
        if (!expand.has(`children.${kind}`)) continue;
        const rows = store.children(row.id, kind).map((c) => this.content(c, under(expand, `children.${kind}`)));
        children[kind] = { results: rows, start: 0, limit: 200, size: rows.length, _links: {} };
        delete (children._expandable as Record<string, string>)[kind];
      }
      fill('children', children);
    }
    if (row.type === 'attachment') {
      shape.extensions = { mediaType: row.media_type, fileSize: row.file_size, comment: row.comment ?? '' };
    } else {
      shape.extensions = { position: row.position ?? 'none' };
    }
    shape._expandable = expandable;
    shape._links = this.contentLinks(row, space, title);
    return shape;
  }

  private contentLinks(row: ContentRow, space: SpaceRow, title: string): Record<string, string> {
    const self = `${this.links.base}/rest/api/content/${row.id}`;
    if (row.type === 'attachment') {
      return {
        webui: `/pages/viewpageattachments.action?pageId=${row.parent_id}&preview=%2F${row.parent_id}%2F${row.id}%2F${encodeURIComponent(row.title)}`,
        download: `/download/attachments/${row.parent_id}/${encodeURIComponent(row.title)}?version=${row.version}&modificationDate=${Date.parse(row.version_at)}&api=v2`,
        self,
      };
    }
    return {
      webui: webuiPath(space.key, row.id, title),
      edit: `/pages/resumedraft.action?draftId=${row.id}`,
      tinyui: `/x/${Buffer.from(String(row.id)).toString('base64url')}`,
      self,
    };
  }

  label(label: LabelRow): Record<string, unknown> {
    return { prefix: label.prefix, name: label.name, id: String(label.id), label: label.name };
  }

  property(property: PropertyRow): Record<string, unknown> {
    return {
      id: String(property.id),
      key: property.key,
      value: JSON.parse(property.value) as unknown,
      version: {
        when: property.updated_at,
        message: property.message,
        number: property.version,
        minorEdit: property.minor_edit === 1,
      },
      _links: {
        self: `${this.links.base}/rest/api/content/${property.content_id}/property/${encodeURIComponent(property.key)}`,
      },
      _expandable: { content: `/rest/api/content/${property.content_id}` },
    };
  }

  withBase<T extends Record<string, unknown>>(shape: T): T {
    return { ...shape, _links: { ...(shape._links as object), base: this.links.base, context: this.links.context } };
  }
}

// ------------------------------------------------------------------ helpers

function storageOf(body: Body): string | undefined {
  const content = body.body as
    { storage?: { value?: unknown; representation?: string }; editor?: unknown; wiki?: unknown } | undefined;
  if (content === undefined) return undefined;
  const storage = content.storage;
  if (!storage)
    throw new ApiError(400, 'Only the storage representation is supported by the sandbox: send body.storage');
  if (storage.representation !== undefined && storage.representation !== 'storage') {
    throw new ApiError(400, `Representation '${storage.representation}' is not supported by the sandbox; use storage`);
  }
  if (typeof storage.value !== 'string') throw new ApiError(400, 'body.storage.value must be a string');
  checkStorageXhtml(storage.value);
  return storage.value;
}

/**
 * `metadata` of a v1 create: `labels` as `[{prefix, name}]` (or a LabelArray `{results}`), and
 * `properties` as `{<key>: {key?, value}}`, created with the page as Confluence does.
 */
function createMetadata(raw: unknown): {
  labels?: Array<{ prefix?: string; name: string }>;
  properties?: Array<{ key: string; value: unknown }>;
} {
  if (!raw || typeof raw !== 'object') return {};
  const metadata = raw as { labels?: unknown; properties?: unknown };
  const labelList = Array.isArray(metadata.labels)
    ? metadata.labels
    : (metadata.labels as { results?: unknown[] } | undefined)?.results;
  const labels = labelList?.map((l) => {
    const label = l as { prefix?: unknown; name?: unknown };
    if (typeof label?.name !== 'string')
      throw new ApiError(400, 'metadata.labels must be [{"prefix":"global","name":"…"}]');
    return { prefix: typeof label.prefix === 'string' ? label.prefix : 'global', name: label.name };
  });
  let properties: Array<{ key: string; value: unknown }> | undefined;
  if (metadata.properties && typeof metadata.properties === 'object') {
    properties = Object.entries(metadata.properties as Record<string, { key?: unknown; value?: unknown }>)
      .filter(([key]) => !key.startsWith('_'))
      .map(([key, property]) => ({
        key: typeof property?.key === 'string' ? property.key : key,
        value: property?.value,
      }));
  }
  return { labels, properties };
}

function ancestorIdOf(body: Body): number | undefined {
  const ancestors = body.ancestors as Array<{ id?: unknown }> | undefined;
  if (!Array.isArray(ancestors) || ancestors.length === 0) return undefined;
  // Confluence takes the last ancestor as the parent.
  return parseId(String(ancestors[ancestors.length - 1]!.id ?? ''), 'ancestors[].id');
}

function stripTags(storage: string): string {
  return storage
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, ' $1 ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Everything the user can read, as CQL documents. */
function cqlDocuments(ctx: SandboxContext, user: SandboxUser): Array<{ doc: CqlDocument; row: ContentRow }> {
  const spaces = ctx.store.listSpaces().filter((s) => canRead(user, s));
  const keyOf = new Map(spaces.map((s) => [s.id, s.key]));
  const labels = ctx.store.labelIndex();
  const out: Array<{ doc: CqlDocument; row: ContentRow }> = [];
  const rows = [
    ...ctx.store.listContent({ type: 'page', spaceIds: spaces.map((s) => s.id), statuses: ['current'] }),
    ...ctx.store.listContent({ type: 'attachment', spaceIds: spaces.map((s) => s.id), statuses: ['current'] }),
  ];
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const row of rows) {
    const ancestorIds: number[] = [];
    const seen = new Set<number>();
    for (let p = row.parent_id; p != null && !seen.has(p); p = byId.get(p)?.parent_id ?? null) {
      seen.add(p);
      ancestorIds.push(p);
    }
    out.push({
      row,
      doc: {
        id: row.id,
        type: row.type,
        title: row.title,
        spaceKey: keyOf.get(row.space_id)!,
        text: stripTags(row.body),
        labels: labels.get(row.id) ?? [],
        parentId: row.parent_id,
        ancestorIds,
        creator: row.author_id,
        created: row.created_at,
        lastModified: row.version_at,
      },
    });
  }
  return out;
}

function runSearch(ctx: SandboxContext, user: SandboxUser, cql: string | undefined): ContentRow[] {
  if (!cql || cql.trim() === '') throw new ApiError(400, 'CQL query parameter is required');
  try {
    const query = parseCql(cql);
    const docs = cqlDocuments(ctx, user);
    const rows = new Map(docs.map((d) => [d.doc.id, d.row]));
    return runCql(
      cql,
      query,
      docs.map((d) => d.doc),
    ).map((doc) => rows.get(doc.id)!);
  } catch (error) {
    if (error instanceof CqlError) throw new ApiError(400, error.message);
    throw error;
  }
}

interface UploadedFile {
  filename: string;
  mediaType: string;
  data: Buffer;
}

/** Read a Confluence attachment upload: `file` parts plus optional `comment` and `minorEdit` fields. */
async function readUpload(
  request: FastifyRequest,
): Promise<{ files: UploadedFile[]; comments: string[]; minorEdit: boolean }> {
  if (!request.isMultipart()) throw new ApiError(415, 'Attachments must be uploaded as multipart/form-data');
  if ((request.headers['x-atlassian-token'] ?? '').toString().toLowerCase() !== 'no-check') {
    throw new ApiError(403, 'XSRF check failed');
  }
  const files: UploadedFile[] = [];
  const comments: string[] = [];
  let minorEdit = false;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const file = part as MultipartFile;
      if (file.fieldname !== 'file') {
        // Some clients (form-data with a filename argument, as confluence.js does) send the
        // plain fields as file parts; read them as text.
        const text = (await file.toBuffer()).toString('utf8');
        if (file.fieldname === 'comment') comments.push(text);
        if (file.fieldname === 'minorEdit') minorEdit = text === 'true';
        continue;
      }
      files.push({
        filename: file.filename,
        mediaType: file.mimetype || 'application/octet-stream',
        data: await file.toBuffer(),
      });
    } else if (part.fieldname === 'comment') {
      comments.push(String(part.value));
    } else if (part.fieldname === 'minorEdit') {
      minorEdit = String(part.value) === 'true';
    }
  }
  if (files.length === 0) throw new ApiError(400, 'At least one attachment must be provided in the "file" field');
  return { files, comments, minorEdit };
}

/**
 * The attachment a path names (`/content/{id}/child/attachment/{attachmentId}`, `att123` or `123`),
 * on content the user may edit: 404 when it is another content's.
 */
function editableAttachment(
  ctx: SandboxContext,
  user: SandboxUser,
  params: { id: string; attachmentId: string },
): ContentRow {
  const container = writableContent(ctx, user, params.id);
  const attachment = readableContent(ctx, user, params.attachmentId.replace(/^att/, ''), { type: 'attachment' });
  if (attachment.parent_id !== container.id)
    throw new ApiError(404, `No attachment ${params.attachmentId} on content ${container.id}`);
  return attachment;
}

// ------------------------------------------------------------------ routes

export function registerV1(app: FastifyInstance, ctx: SandboxContext, prefix: string): void {
  const { store } = ctx;
  const shapes = (request: FastifyRequest) => new V1Shapes(ctx, linksFor(request));
  const page = <T>(request: FastifyRequest, items: T[], max?: number) => v1Page(request, items, linksFor(request), max);
  /** Cloud's v1 (`/wiki/rest/api`), not Data Center's (`/rest/api`): the same handlers, a few differences. */
  const cloud = prefix.startsWith('/wiki');

  // spaces ------------------------------------------------------------
  app.get(`${prefix}/space`, async (request) => {
    const user = userOf(request);
    const query = request.query as Record<string, string | string[] | undefined>;
    const raw = query.spaceKey;
    const keys =
      raw === undefined ? undefined : (Array.isArray(raw) ? raw : raw.split(',')).map((k) => k.toUpperCase());
    const expand = parseExpand(query.expand as string | undefined);
    const spaces = store.listSpaces().filter((s) => canRead(user, s) && (!keys || keys.includes(s.key.toUpperCase())));
    return page(
      request,
      spaces.map((s) => shapes(request).space(s, expand)),
    );
  });

  app.get<{ Params: { key: string } }>(`${prefix}/space/:key`, async (request) => {
    const user = userOf(request);
    const space = readableSpace(ctx, user, store.spaceByKey(request.params.key), `key: ${request.params.key}`);
    return shapes(request).space(space, parseExpand((request.query as Query).expand));
  });

  app.get(`${prefix}/user/current`, async (request) => shapes(request).user(userOf(request).accountId));

  // content -----------------------------------------------------------
  app.get(`${prefix}/content`, async (request) => {
    const user = userOf(request);
    const query = request.query as Query;
    const type = query.type ?? 'page';
    if (type !== 'page' && type !== 'blogpost') throw new ApiError(400, `Unsupported content type '${type}'`);
    const spaces = store
      .listSpaces()
      .filter((s) => canRead(user, s) && (!query.spaceKey || s.key.toUpperCase() === query.spaceKey.toUpperCase()));
    const rows =
      type === 'blogpost'
        ? []
        : store.listContent({
            type: 'page',
            spaceIds: spaces.map((s) => s.id),
            statuses: (query.status ?? 'current').split(','),
            title: query.title,
          });
    const expand = parseExpand(query.expand);
    return page(
      request,
      rows.map((r) => shapes(request).content(r, expand)),
    );
  });

  app.post(`${prefix}/content`, async (request) => {
    const user = userOf(request);
    const body = (request.body ?? {}) as Body;
    if (body.type !== 'page')
      throw new ApiError(400, `The sandbox can create content of type page only, got '${String(body.type)}'`);
    if (typeof body.title !== 'string' || body.title.trim() === '') throw new ApiError(400, 'A title is required');
    const spaceKey = (body.space as { key?: unknown } | undefined)?.key;
    if (typeof spaceKey !== 'string') throw new ApiError(400, 'space.key is required');
    const space = writableSpace(ctx, user, store.spaceByKey(spaceKey), `key: ${spaceKey}`);
    if (body.status !== undefined && body.status !== 'current') {
      throw new ApiError(400, `Status '${String(body.status)}' is not supported by the sandbox; use current`);
    }
    const row = store.createPage(
      { spaceId: space.id, parentId: ancestorIdOf(body), title: body.title, body: storageOf(body) ?? '' },
      user,
      // Data Center's create takes a whole `Content`, `metadata` included (DC 9.3.1, 10.0.3). Cloud
      // v1's `ContentCreate` (2021 spec; the current one has no create at all) documents no
      // `metadata`: as for v2's create, what is sent there is not stored, so nothing built on the
      // sandbox can count on it.
      cloud ? {} : createMetadata(body.metadata),
    );
    const s = shapes(request);
    const expand = (request.query as Query).expand;
    return s.withBase(
      s.content(
        row,
        parseExpand(`space,history,version,ancestors,body.storage,container${expand ? `,${expand}` : ''}`),
      ),
    );
  });

  app.get<{ Params: { id: string } }>(`${prefix}/content/:id`, async (request) => {
    const user = userOf(request);
    const query = request.query as Query;
    const statuses = query.status ? query.status.split(',') : ['current'];
    const row = readableContent(ctx, user, request.params.id, {
      statuses: statuses.includes('any') ? ['current', 'archived', 'trashed'] : statuses,
    });
    let historical: VersionRow | undefined;
    if (query.version) {
      historical = store.version(row.id, parseId(query.version, 'version'));
      if (!historical) throw new ApiError(404, `No content found with id ${row.id} and version ${query.version}`);
    }
    const s = shapes(request);
    return s.withBase(s.content(row, parseExpand(query.expand ?? 'space,history,version'), historical));
  });

  app.put<{ Params: { id: string } }>(`${prefix}/content/:id`, async (request) => {
    const user = userOf(request);
    const body = (request.body ?? {}) as Body;
    const existing = writableContent(ctx, user, request.params.id, { type: 'page', statuses: ['current', 'trashed'] });
    const version = body.version as { number?: unknown; message?: unknown; minorEdit?: unknown } | undefined;
    if (!version || typeof version.number !== 'number')
      throw new ApiError(400, 'Must supply an incremented version when updating Content. No version supplied.');
    if (body.type !== undefined && body.type !== existing.type)
      throw new ApiError(400, `Cannot change the type of content ${existing.id}`);
    const title = typeof body.title === 'string' && body.title.trim() !== '' ? body.title : existing.title;
    const status = body.status === 'trashed' ? 'trashed' : 'current';
    if (status === 'trashed') throw new ApiError(400, 'Use DELETE to trash content');
    const row = store.updatePage(
      existing.id,
      {
        title,
        body: storageOf(body),
        parentId: ancestorIdOf(body),
        versionNumber: version.number,
        message: typeof version.message === 'string' ? version.message : '',
        minorEdit: version.minorEdit === true,
        status: 'current',
      },
      user,
    );
    const s = shapes(request);
    return s.withBase(s.content(row, parseExpand('space,history,version,ancestors,body.storage')));
  });

  app.delete<{ Params: { id: string } }>(`${prefix}/content/:id`, async (request, reply) => {
    const user = userOf(request);
    const query = request.query as Query;
    // Attachments are content too (`att123` or `123`): they go to the trash like pages.
    const id = request.params.id.replace(/^att/, '');
    if (query.status === 'trashed') {
      const row = writableContent(ctx, user, id, { statuses: ['trashed'] });
      store.purge(row.id);
    } else {
      const row = writableContent(ctx, user, id, { statuses: ['current'] });
      if (row.type === 'attachment') store.trashAttachment(row.id);
      else store.trashPage(row.id);
    }
    return reply.code(204).send();
  });

  // Data Center's own attachment delete (DC 9/10 specs); Cloud v1 has none (v2 DELETE /attachments/{id}).
  if (!cloud) {
    app.delete<{ Params: { id: string; attachmentId: string } }>(
      `${prefix}/content/:id/child/attachment/:attachmentId`,
      async (request, reply) => {
        const attachment = editableAttachment(ctx, userOf(request), request.params);
        store.trashAttachment(attachment.id);
        return reply.code(204).send();
      },
    );
  }

  // page move (Cloud v1 only: the DC 9.3.1 and 10.0.3 specs have no page move) ---------------
  if (cloud) {
    app.put<{ Params: { pageId: string; position: string; targetId: string } }>(
      `${prefix}/content/:pageId/move/:position/:targetId`,
      async (request) => {
        const user = userOf(request);
        const { position } = request.params;
        if (position !== 'before' && position !== 'after' && position !== 'append')
          throw new ApiError(400, `position must be before, after or append, got '${position}'`);
        const page = writableContent(ctx, user, request.params.pageId, { type: 'page' });
        const target = writableContent(ctx, user, request.params.targetId, { type: 'page' });
        store.movePage(page.id, position, target.id);
        return { pageId: String(page.id) };
      },
    );
  }

  app.get<{ Params: { id: string } }>(`${prefix}/content/:id/version`, async (request) => {
    const user = userOf(request);
    const row = readableContent(ctx, user, request.params.id, { statuses: ['current', 'trashed'] });
    const s = shapes(request);
    return page(
      request,
      store.versions(row.id).map((v) =>
        s.version(
          {
            number: v.number,
            at: v.created_at,
            message: v.message,
            minorEdit: v.minor_edit === 1,
            author: v.author_id,
          },
          row.id,
        ),
      ),
    );
  });

  // archive (Cloud only): a long task that the sandbox finishes at once ---------------------
  if (cloud) {
    const tasks = new Map<string, { started: number; count: number }>();
    app.post(`${prefix}/content/archive`, async (request, reply) => {
      const user = userOf(request);
      const pages = (request.body as { pages?: Array<{ id?: unknown }> } | undefined)?.pages;
      if (!Array.isArray(pages) || pages.length === 0)
        throw new ApiError(400, 'Request must contain "pages": [{"id": …}]');
      if (pages.length > 300) throw new ApiError(400, 'The number of pages to archive is larger than the limit of 300');
      const ids = pages.map(
        (p) => writableContent(ctx, user, String(p?.id ?? ''), { type: 'page', statuses: ['current', 'archived'] }).id,
      );
      store.archivePages(ids);
      const id = `sandbox-archive-${tasks.size + 1}`;
      tasks.set(id, { started: Date.now(), count: ids.length });
      return reply.code(202).send({ id, links: { status: `${prefix}/longtask/${id}` } });
    });
    app.get<{ Params: { id: string } }>(`${prefix}/longtask/:id`, async (request) => {
      userOf(request);
      const task = tasks.get(request.params.id);
      if (!task) throw new ApiError(404, `No long task with id ${request.params.id}`);
      const links = linksFor(request);
      return {
        id: request.params.id,
        name: { key: 'com.atlassian.confluence.pages.archive', args: [] },
        elapsedTime: 0,
        percentageComplete: 100,
        successful: true,
        finished: true,
        messages: [],
        status: 'COMPLETED',
        _links: {
          base: links.base,
          context: links.context,
          self: `${links.base}/rest/api/longtask/${request.params.id}`,
        },
      };
    });
  }

  // children ----------------------------------------------------------
  app.get<{ Params: { id: string } }>(`${prefix}/content/:id/child`, async (request) => {
    const user = userOf(request);
    const row = readableContent(ctx, user, request.params.id);
    const expand = parseExpand((request.query as Query).expand);
    const s = shapes(request);
    const result: Record<string, unknown> = {
      _expandable: { attachment: '', comment: '', page: '' },
      _links: { base: linksFor(request).base, context: linksFor(request).context },
    };
    for (const kind of ['page', 'attachment'] as const) {
      if (!expand.has(kind)) continue;
      const rows = store.children(row.id, kind).map((c) => s.content(c, under(expand, kind)));
      result[kind] = { results: rows, start: 0, limit: 200, size: rows.length, _links: {} };
      delete (result._expandable as Record<string, string>)[kind];
    }
    return result;
  });

  app.get<{ Params: { id: string } }>(`${prefix}/content/:id/child/page`, async (request) => {
    const user = userOf(request);
    const row = readableContent(ctx, user, request.params.id);
    const expand = parseExpand((request.query as Query).expand);
    const s = shapes(request);
    return page(
      request,
      store.children(row.id, 'page').map((c) => s.content(c, expand)),
    );
  });

  // attachments -------------------------------------------------------
  app.get<{ Params: { id: string } }>(`${prefix}/content/:id/child/attachment`, async (request) => {
    const user = userOf(request);
    const query = request.query as Query;
    const row = readableContent(ctx, user, request.params.id);
    const expand = parseExpand(query.expand);
    const s = shapes(request);
    const attachments = store
      .children(row.id, 'attachment')
      .filter((a) => !query.filename || a.title === query.filename)
      .filter((a) => !query.mediaType || a.media_type === query.mediaType);
    return page(
      request,
      attachments.map((a) => s.content(a, expand)),
    );
  });

  const upload = (mode: 'create' | 'createOrUpdate') => async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const user = userOf(request);
    const row = writableContent(ctx, user, request.params.id);
    const { files, comments, minorEdit } = await readUpload(request);
    const s = shapes(request);
    const results = files.map((file, i) => {
      const input = {
        filename: file.filename,
        mediaType: file.mediaType,
        data: file.data,
        comment: comments[i],
        minorEdit,
      };
      const existing = mode === 'createOrUpdate' ? store.attachmentByName(row.id, file.filename) : undefined;
      const saved = existing
        ? store.updateAttachmentData(existing.id, input, user)
        : store.createAttachment(row.id, input, user);
      return s.content(saved, parseExpand('version,container'));
    });
    return {
      results,
      size: results.length,
      _links: { base: linksFor(request).base, context: linksFor(request).context },
    };
  };
  app.post(`${prefix}/content/:id/child/attachment`, upload('create'));
  // Cloud's create-or-update; Data Center has no PUT here and answers 405.
  app.put(`${prefix}/content/:id/child/attachment`, async (request: FastifyRequest<{ Params: { id: string } }>) => {
    if (!cloud) throw new ApiError(405, 'Method Not Allowed');
    return upload('createOrUpdate')(request);
  });

  app.post<{ Params: { id: string; attachmentId: string } }>(
    `${prefix}/content/:id/child/attachment/:attachmentId/data`,
    async (request) => {
      const user = userOf(request);
      const attachment = editableAttachment(ctx, user, request.params);
      const { files, comments, minorEdit } = await readUpload(request);
      const file = files[0]!;
      const saved = store.updateAttachmentData(
        attachment.id,
        { filename: file.filename, mediaType: file.mediaType, data: file.data, comment: comments[0], minorEdit },
        user,
      );
      const s = shapes(request);
      return s.withBase(s.content(saved, parseExpand('version,container')));
    },
  );

  // properties --------------------------------------------------------
  app.get<{ Params: { id: string } }>(`${prefix}/content/:id/property`, async (request) => {
    const user = userOf(request);
    const row = readableContent(ctx, user, request.params.id);
    const s = shapes(request);
    return page(
      request,
      store.properties(row.id).map((p) => s.property(p)),
    );
  });

  app.post<{ Params: { id: string } }>(`${prefix}/content/:id/property`, async (request) => {
    const user = userOf(request);
    const body = (request.body ?? {}) as Body;
    const row = writableContent(ctx, user, request.params.id);
    if (typeof body.key !== 'string' || body.key === '') throw new ApiError(400, 'A property key is required');
    return shapes(request).property(store.createProperty(row.id, body.key, body.value, user));
  });

  app.get<{ Params: { id: string; key: string } }>(`${prefix}/content/:id/property/:key`, async (request) => {
    const user = userOf(request);
    const row = readableContent(ctx, user, request.params.id);
    const property = store.propertyByKey(row.id, request.params.key);
    if (!property) throw new ApiError(404, `No property found with key ${request.params.key} on content ${row.id}`);
    return shapes(request).property(property);
  });

  app.put<{ Params: { id: string; key: string } }>(`${prefix}/content/:id/property/:key`, async (request) => {
    const user = userOf(request);
    const body = (request.body ?? {}) as Body;
    const row = writableContent(ctx, user, request.params.id);
    const version = body.version as { number?: unknown; minorEdit?: unknown } | undefined;
    if (!version || typeof version.number !== 'number')
      throw new ApiError(400, 'A version number is required to update a property');
    const existing = store.propertyByKey(row.id, request.params.key);
    // Like Cloud: PUT on a missing key with version 1 creates it.
    if (!existing && version.number === 1)
      return shapes(request).property(store.createProperty(row.id, request.params.key, body.value, user));
    const property = store.updateProperty(
      row.id,
      { key: request.params.key },
      {
        key: typeof body.key === 'string' ? body.key : undefined,
        value: body.value,
        versionNumber: version.number,
        minorEdit: version.minorEdit === true,
      },
      user,
    );
    return shapes(request).property(property);
  });

  app.delete<{ Params: { id: string; key: string } }>(`${prefix}/content/:id/property/:key`, async (request, reply) => {
    const user = userOf(request);
    const row = writableContent(ctx, user, request.params.id);
    store.deleteProperty(row.id, { key: request.params.key });
    return reply.code(204).send();
  });

  // labels ------------------------------------------------------------
  const labelArray = (request: FastifyRequest, labels: LabelRow[]) => {
    const s = shapes(request);
    return page(
      request,
      labels.map((l) => s.label(l)),
    );
  };

  app.get<{ Params: { id: string } }>(`${prefix}/content/:id/label`, async (request) => {
    const user = userOf(request);
    const query = request.query as Query;
    const row = readableContent(ctx, user, request.params.id);
    return labelArray(
      request,
      store.labels(row.id).filter((l) => !query.prefix || l.prefix === query.prefix),
    );
  });

  app.post<{ Params: { id: string } }>(`${prefix}/content/:id/label`, async (request) => {
    const user = userOf(request);
    const row = writableContent(ctx, user, request.params.id);
    const raw = request.body;
    const labels = (Array.isArray(raw) ? raw : [raw]) as Array<{ prefix?: string; name: string }>;
    if (labels.length === 0 || labels.some((l) => !l || typeof l.name !== 'string')) {
      throw new ApiError(400, 'Labels must be sent as [{"prefix":"global","name":"…"}]');
    }
    return labelArray(request, store.addLabels(row.id, labels));
  });

  const removeLabel = async (
    request: FastifyRequest<{ Params: { id: string; name?: string } }>,
    name: string | undefined,
  ) => {
    const user = userOf(request);
    const row = writableContent(ctx, user, request.params.id);
    if (!name) throw new ApiError(400, 'A label name is required');
    store.removeLabel(row.id, name);
  };
  app.delete<{ Params: { id: string; name: string } }>(`${prefix}/content/:id/label/:name`, async (request, reply) => {
    // Both specs: the path form "does not accept "/" characters for security reasons"; `?name=` does.
    if (request.params.name.includes('/'))
      throw new ApiError(
        400,
        `The label parameter does not accept '/' characters: use ?name= for '${request.params.name}'`,
      );
    await removeLabel(request, request.params.name);
    return reply.code(204).send();
  });
  app.delete<{ Params: { id: string } }>(`${prefix}/content/:id/label`, async (request, reply) => {
    await removeLabel(request, (request.query as Query).name);
    return reply.code(204).send();
  });

  // search ------------------------------------------------------------
  app.get(`${prefix}/content/search`, async (request) => {
    const user = userOf(request);
    const query = request.query as Query;
    const rows = runSearch(ctx, user, query.cql);
    const expand = parseExpand(query.expand);
    const s = shapes(request);
    // Only the requested page of results is shaped: expansions cost reads per row.
    return v1Page(request, rows, linksFor(request), searchLimitCap(expand), (r) => s.content(r, expand));
  });

  app.get(`${prefix}/search`, async (request) => {
    const user = userOf(request);
    const query = request.query as Query;
    const started = Date.now();
    const rows = runSearch(ctx, user, query.cql);
    const expand = under(parseExpand(query.expand), 'content');
    const s = shapes(request);
    const result = v1Page(request, rows, linksFor(request), searchLimitCap(expand), (row) => {
      const space = store.spaceById(row.space_id)!;
      const content = s.content(row, expand);
      return {
        content,
        title: row.title,
        excerpt: stripTags(row.body).slice(0, 200),
        url: (content._links as Record<string, string>).webui,
        resultGlobalContainer: { title: space.name, displayUrl: `/spaces/${space.key}` },
        breadcrumbs: [],
        entityType: 'content',
        iconCssClass: row.type === 'attachment' ? 'aui-icon content-type-attachment' : 'aui-icon content-type-page',
        lastModified: row.version_at,
        friendlyLastModified: row.version_at,
        score: 0,
      };
    });
    return { ...result, totalSize: rows.length, cqlQuery: query.cql, searchDuration: Date.now() - started };
  });
}

/** Attachment bytes at Confluence's download path (`/download/attachments/<pageId>/<filename>`). */
export function registerDownloads(app: FastifyInstance, ctx: SandboxContext): void {
  for (const prefix of ['/wiki/download/attachments', '/download/attachments']) {
    app.get<{ Params: { pageId: string; filename: string } }>(`${prefix}/:pageId/:filename`, async (request, reply) => {
      const user = userOf(request);
      const container = readableContent(ctx, user, request.params.pageId);
      const attachment = ctx.store.attachmentByName(container.id, request.params.filename);
      if (!attachment) throw new ApiError(404, `No attachment ${request.params.filename} on content ${container.id}`);
      const version = (request.query as Query).version;
      const data = ctx.store.attachmentData(attachment.id, version ? Number(version) : undefined);
      if (!data) throw new ApiError(404, `No version ${version} of attachment ${attachment.title}`);
      return reply.type(attachment.media_type ?? 'application/octet-stream').send(data);
    });
  }
}
