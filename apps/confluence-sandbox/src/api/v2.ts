import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  canRead,
  canWrite,
  linksFor,
  parseId,
  readableContent,
  readableSpace,
  userOf,
  writableContent,
  writableSpace,
  type SandboxContext,
} from '../context.js';
import { ApiError } from '../errors.js';
import { v2Page } from '../pagination.js';
import type { ContentRow, InlineCommentRow, LabelRow, PropertyRow, SpaceRow, VersionRow } from '../store/store.js';
import { checkStorageXhtml } from '../xhtml.js';
import { webuiPath } from './links.js';

/** Query parameters; one sent more than once arrives as an array (see `listOf`). */
type Query = Record<string, string | undefined>;
type Body = Record<string, unknown>;

// ------------------------------------------------------------------ shapes (Cloud v2 spec)

export function v2Space(space: SpaceRow): Record<string, unknown> {
  return {
    id: String(space.id),
    key: space.key,
    name: space.name,
    type: 'global',
    status: 'current',
    authorId: space.author_id,
    createdAt: space.created_at,
    homepageId: space.homepage_id == null ? undefined : String(space.homepage_id),
    _links: { webui: `/spaces/${space.key}` },
  };
}

function v2Version(row: {
  version_at: string;
  version_message: string;
  version: number;
  minor_edit: number;
  version_author: string;
}) {
  return {
    createdAt: row.version_at,
    message: row.version_message,
    number: row.version,
    minorEdit: row.minor_edit === 1,
    authorId: row.version_author,
  };
}

function v2VersionOf(version: VersionRow) {
  return {
    createdAt: version.created_at,
    message: version.message,
    number: version.number,
    minorEdit: version.minor_edit === 1,
    authorId: version.author_id,
  };
}

export function v2PageShape(
  ctx: SandboxContext,
  row: ContentRow,
  bodyFormat?: string,
  historical?: VersionRow,
): Record<string, unknown> {
  const space = ctx.store.spaceById(row.space_id)!;
  const source = historical
    ? { ...row, title: historical.title, body: historical.body, parent_id: historical.parent_id }
    : row;
  const page: Record<string, unknown> = {
    id: String(row.id),
    status: historical && historical.number !== row.version ? 'historical' : row.status,
    title: source.title,
    spaceId: String(row.space_id),
    ...(source.parent_id != null ? { parentId: String(source.parent_id), parentType: 'page' } : {}),
    position: row.position,
    authorId: row.author_id,
    ownerId: row.author_id,
    lastOwnerId: null,
    createdAt: row.created_at,
    version: historical ? v2VersionOf(historical) : v2Version(row),
    body: bodyFormat === 'storage' ? { storage: { representation: 'storage', value: source.body } } : {},
    _links: {
      webui: webuiPath(space.key, row.id, source.title),
      editui: `/pages/resumedraft.action?draftId=${row.id}`,
      tinyui: `/x/${Buffer.from(String(row.id)).toString('base64url')}`,
    },
  };
  return page;
}

function v2Property(property: PropertyRow) {
  return {
    id: String(property.id),
    key: property.key,
    value: JSON.parse(property.value) as unknown,
    version: {
      createdAt: property.updated_at,
      message: property.message,
      number: property.version,
      minorEdit: property.minor_edit === 1,
      authorId: property.author_id,
    },
  };
}

function v2Label(label: LabelRow) {
  return { id: String(label.id), name: label.name, prefix: label.prefix };
}

export function v2Attachment(ctx: SandboxContext, row: ContentRow): Record<string, unknown> {
  const download = `/download/attachments/${row.parent_id}/${encodeURIComponent(row.title)}?version=${row.version}&modificationDate=${Date.parse(row.version_at)}&api=v2`;
  const webui = `/pages/viewpageattachments.action?pageId=${row.parent_id}&preview=${encodeURIComponent('/' + row.parent_id + '/' + row.id + '/' + row.title)}`;
  return {
    id: `att${row.id}`,
    status: row.status,
    title: row.title,
    createdAt: row.created_at,
    pageId: String(row.parent_id),
    mediaType: row.media_type ?? 'application/octet-stream',
    comment: row.comment ?? '',
    fileId: `sandbox-file-${row.id}`,
    fileSize: row.file_size ?? 0,
    webuiLink: webui,
    downloadLink: download,
    version: v2Version(row),
    _links: { webui, download },
  };
}

// ------------------------------------------------------------------ helpers

/**
 * A v2 array query parameter, sent either as the spec's default form (`status=a&status=b`, which
 * arrives as an array) or comma-separated (`status=a,b`, as the spec's descriptions allow).
 */
function listOf(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const values = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(','));
  return values.map((v) => v.trim()).filter((v) => v !== '');
}

/** By default `current` and `archived`, as the spec says for the page listings. */
function statusesOf(query: Query, fallback = ['current', 'archived']): string[] {
  return listOf(query.status) ?? fallback;
}

function bodyFormatOf(query: Query): string | undefined {
  const format = query['body-format'];
  if (
    format &&
    !['storage', 'atlas_doc_format', 'view', 'export_view', 'anonymous_export_view', 'styled_view', 'editor'].includes(
      format,
    )
  ) {
    throw new ApiError(400, `Invalid value for body-format: ${format}`);
  }
  if (format && format !== 'storage')
    throw new ApiError(400, `body-format=${format} is not supported by the sandbox; use storage`);
  return format;
}

function storageBody(body: Body): string {
  const content = body.body as { representation?: string; value?: unknown } | undefined;
  if (!content || typeof content !== 'object')
    throw new ApiError(400, 'Request body must contain "body" with representation and value');
  if (content.representation !== 'storage') {
    throw new ApiError(
      400,
      `Representation '${String(content.representation)}' is not supported by the sandbox; use storage`,
    );
  }
  if (typeof content.value !== 'string') throw new ApiError(400, 'body.value must be a string');
  checkStorageXhtml(content.value);
  return content.value;
}

function requireString(body: Body, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') throw new ApiError(400, `Field '${field}' is required`);
  return value;
}

function optionalInteger(body: Body, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new ApiError(400, `Field '${field}' must be an integer`);
  return value;
}

function optionalId(body: Body, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null || value === '') return undefined;
  return parseId(String(value), field);
}

/**
 * `InlineCommentModel` (one comment) of the Cloud v2 spec; `listed`: `PageInlineCommentModel`, which
 * has no resolution author or time.
 */
function v2InlineComment(
  ctx: SandboxContext,
  comment: InlineCommentRow,
  bodyFormat?: string,
  listed = false,
): Record<string, unknown> {
  const page = ctx.store.content(comment.page_id)!;
  const resolved = comment.resolution_at !== null && !listed;
  return {
    id: String(comment.id),
    status: 'current',
    title: `Re: ${page.title}`,
    pageId: String(comment.page_id),
    version: {
      createdAt: comment.created_at,
      message: '',
      number: comment.version,
      minorEdit: false,
      authorId: comment.author_id,
    },
    body: bodyFormat === 'storage' ? { storage: { representation: 'storage', value: comment.body } } : {},
    resolutionStatus: comment.resolution_status,
    ...(resolved
      ? { resolutionLastModifierId: comment.resolution_by, resolutionLastModifiedAt: comment.resolution_at }
      : {}),
    properties: { inlineMarkerRef: comment.marker_ref, inlineOriginalSelection: comment.text_selection },
    _links: {
      webui: `${webuiPath(ctx.store.spaceById(page.space_id)!.key, page.id, page.title)}?focusedCommentId=${comment.id}`,
    },
  };
}

function withBase<T extends object>(request: FastifyRequest, shape: T): T & { _links: Record<string, unknown> } {
  const links = (shape as { _links?: Record<string, unknown> })._links ?? {};
  return { ...shape, _links: { ...links, base: linksFor(request).base } };
}

// ------------------------------------------------------------------ routes

export function registerV2(app: FastifyInstance, ctx: SandboxContext): void {
  const prefix = '/wiki/api/v2';
  const { store } = ctx;
  const list = <T>(request: FastifyRequest, reply: FastifyReply, items: T[]) =>
    v2Page(request, reply, items, linksFor(request).base);

  // spaces ------------------------------------------------------------
  app.get(`${prefix}/spaces`, async (request, reply) => {
    const user = userOf(request);
    const query = request.query as Query;
    const keys = listOf(query.keys)?.map((k) => k.toUpperCase());
    const ids = listOf(query.ids);
    const spaces = store
      .listSpaces()
      .filter((s) => canRead(user, s))
      .filter((s) => !keys || keys.includes(s.key.toUpperCase()))
      .filter((s) => !ids || ids.includes(String(s.id)));
    return list(request, reply, spaces.map(v2Space));
  });

  app.get<{ Params: { id: string } }>(`${prefix}/spaces/:id`, async (request) => {
    const user = userOf(request);
    const space = readableSpace(ctx, user, store.spaceById(parseId(request.params.id)), `id ${request.params.id}`);
    return v2Space(space);
  });

  app.get<{ Params: { id: string } }>(`${prefix}/spaces/:id/pages`, async (request, reply) => {
    const user = userOf(request);
    const query = request.query as Query;
    const space = readableSpace(ctx, user, store.spaceById(parseId(request.params.id)), `id ${request.params.id}`);
    const bodyFormat = bodyFormatOf(query);
    let pages = store.listContent({
      type: 'page',
      spaceIds: [space.id],
      statuses: statusesOf(query),
      title: query.title,
    });
    if (query.depth === 'root') pages = pages.filter((p) => p.parent_id == null);
    return list(
      request,
      reply,
      pages.map((p) => v2PageShape(ctx, p, bodyFormat)),
    );
  });

  // What the caller may do in the space (publishers check before writing).
  app.get<{ Params: { id: string } }>(`${prefix}/spaces/:id/operations`, async (request) => {
    const user = userOf(request);
    const space = readableSpace(ctx, user, store.spaceById(parseId(request.params.id)), `id ${request.params.id}`);
    const operations = [
      { operation: 'read', targetType: 'space' },
      { operation: 'read', targetType: 'page' },
      { operation: 'read', targetType: 'attachment' },
    ];
    if (canWrite(user, space)) {
      for (const targetType of ['page', 'attachment', 'blogpost']) {
        operations.push(
          { operation: 'create', targetType },
          { operation: 'update', targetType },
          { operation: 'delete', targetType },
        );
      }
      operations.push({ operation: 'archive', targetType: 'page' });
    }
    return { operations };
  });

  // pages -------------------------------------------------------------
  app.get(`${prefix}/pages`, async (request, reply) => {
    const user = userOf(request);
    const query = request.query as Query;
    const bodyFormat = bodyFormatOf(query);
    const requested = listOf(query['space-id'])?.map((id) => parseId(id, 'space-id'));
    const spaceIds = store
      .listSpaces()
      .filter((s) => canRead(user, s) && (!requested || requested.includes(s.id)))
      .map((s) => s.id);
    let pages = store.listContent({ type: 'page', spaceIds, statuses: statusesOf(query), title: query.title });
    const ids = listOf(query.id);
    if (ids) {
      pages = pages.filter((p) => ids.includes(String(p.id)));
    }
    pages = sortPages(pages, query.sort);
    return list(
      request,
      reply,
      pages.map((p) => v2PageShape(ctx, p, bodyFormat)),
    );
  });

  app.post(`${prefix}/pages`, async (request) => {
    const user = userOf(request);
    const body = (request.body ?? {}) as Body;
    const query = request.query as Query;
    const spaceId = parseId(String(body.spaceId ?? ''), 'spaceId');
    const space = writableSpace(ctx, user, store.spaceById(spaceId), `id ${spaceId}`);
    if (body.status !== undefined && body.status !== 'current') {
      throw new ApiError(400, `Status '${String(body.status)}' is not supported by the sandbox; use current`);
    }
    const title = requireString(body, 'title');
    const value = storageBody(body);
    const row = store.createPage(
      {
        spaceId: space.id,
        parentId: optionalId(body, 'parentId'),
        title,
        body: value,
        rootLevel: query['root-level'] === 'true',
      },
      user,
    );
    return withBase(request, v2PageShape(ctx, row, 'storage'));
  });

  app.get<{ Params: { id: string } }>(`${prefix}/pages/:id`, async (request) => {
    const user = userOf(request);
    const query = request.query as Query;
    const bodyFormat = bodyFormatOf(query);
    const row = readableContent(ctx, user, request.params.id, {
      type: 'page',
      statuses: statusesOf(query, ['current', 'archived', 'trashed']),
    });
    let historical: VersionRow | undefined;
    if (query.version) {
      historical = store.version(row.id, parseId(query.version, 'version'));
      if (!historical) throw new ApiError(404, `Version ${query.version} of page ${row.id} not found`);
    }
    const page = v2PageShape(ctx, row, bodyFormat, historical);
    if (query['include-labels'] === 'true')
      page.labels = { results: store.labels(row.id).map(v2Label), meta: { hasMore: false, cursor: '' }, _links: {} };
    if (query['include-properties'] === 'true')
      page.properties = {
        results: store.properties(row.id).map(v2Property),
        meta: { hasMore: false, cursor: '' },
        _links: {},
      };
    if (query['include-versions'] === 'true') {
      page.versions = {
        results: store.versions(row.id).map(v2VersionOf),
        meta: { hasMore: false, cursor: '' },
        _links: {},
      };
    }
    return withBase(request, page);
  });

  app.put<{ Params: { id: string } }>(`${prefix}/pages/:id`, async (request) => {
    const user = userOf(request);
    const body = (request.body ?? {}) as Body;
    const existing = writableContent(ctx, user, request.params.id, { type: 'page', statuses: ['current', 'trashed'] });
    if (body.id !== undefined && String(body.id) !== String(existing.id)) {
      throw new ApiError(
        400,
        `The id in the body (${String(body.id)}) does not match the page id in the path (${existing.id})`,
      );
    }
    const version = body.version as { number?: unknown; message?: unknown } | undefined;
    if (!version || typeof version.number !== 'number') throw new ApiError(400, "Field 'version.number' is required");
    if (body.status !== undefined && body.status !== 'current') {
      throw new ApiError(400, `Status '${String(body.status)}' is not supported by the sandbox; use current`);
    }
    if (body.spaceId !== undefined && String(body.spaceId) !== String(existing.space_id)) {
      throw new ApiError(400, 'Moving a page to another space is not supported by the sandbox');
    }
    const title = requireString(body, 'title');
    const value = storageBody(body);
    // The spec: restoring a trashed page "will not update page contents; only the page status will
    // be changed" — the title, body and parent sent along are ignored.
    const restoring = existing.status === 'trashed';
    const row = store.updatePage(
      existing.id,
      {
        title: restoring ? existing.title : title,
        body: restoring ? existing.body : value,
        parentId: restoring ? undefined : optionalId(body, 'parentId'),
        versionNumber: version.number,
        message: typeof version.message === 'string' ? version.message : '',
        minorEdit: (version as { minorEdit?: unknown }).minorEdit === true,
        status: 'current',
      },
      user,
    );
    return withBase(request, v2PageShape(ctx, row, 'storage'));
  });

  app.delete<{ Params: { id: string } }>(`${prefix}/pages/:id`, async (request, reply) => {
    const user = userOf(request);
    const query = request.query as Query;
    const purge = query.purge === 'true';
    const row = writableContent(ctx, user, request.params.id, {
      type: 'page',
      statuses: purge ? ['current', 'trashed'] : ['current'],
    });
    if (purge) {
      if (row.status !== 'trashed') throw new ApiError(400, `Page ${row.id} must be trashed before it can be purged`);
      store.purge(row.id);
    } else {
      store.trashPage(row.id);
    }
    return reply.code(204).send();
  });

  // direct-children answers ChildrenResponse (with `type`); the deprecated children, ChildPage.
  const childrenRoute =
    (withType: boolean) => async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const user = userOf(request);
      const row = readableContent(ctx, user, request.params.id, { type: 'page' });
      const children = store.children(row.id).map((child) => ({
        id: String(child.id),
        status: child.status,
        title: child.title,
        ...(withType ? { type: 'page' } : {}),
        spaceId: String(child.space_id),
        childPosition: child.position,
      }));
      return list(request, reply, children);
    };
  app.get(`${prefix}/pages/:id/direct-children`, childrenRoute(true));
  app.get(`${prefix}/pages/:id/children`, childrenRoute(false));

  app.get<{ Params: { id: string } }>(`${prefix}/pages/:id/descendants`, async (request, reply) => {
    const user = userOf(request);
    const query = request.query as Query;
    const maxDepth = query.depth === 'all' || query.depth === undefined ? Infinity : Number(query.depth);
    const row = readableContent(ctx, user, request.params.id, { type: 'page' });
    const out: Record<string, unknown>[] = [];
    const walk = (id: number, depth: number) => {
      if (depth > maxDepth) return;
      for (const child of store.children(id)) {
        out.push({
          id: String(child.id),
          status: child.status,
          title: child.title,
          type: 'page',
          parentId: String(id),
          depth,
          childPosition: child.position,
        });
        walk(child.id, depth + 1);
      }
    };
    walk(row.id, 1);
    return list(request, reply, out);
  });

  app.get<{ Params: { id: string } }>(`${prefix}/pages/:id/ancestors`, async (request, reply) => {
    const user = userOf(request);
    const row = readableContent(ctx, user, request.params.id, { type: 'page' });
    return list(
      request,
      reply,
      store.ancestors(row.id).map((a) => ({ id: String(a.id), type: 'page' })),
    );
  });

  // inline comments ---------------------------------------------------
  app.get<{ Params: { id: string } }>(`${prefix}/pages/:id/inline-comments`, async (request, reply) => {
    const user = userOf(request);
    const query = request.query as Query;
    const bodyFormat = bodyFormatOf(query);
    const row = readableContent(ctx, user, request.params.id, { type: 'page' });
    const wanted = listOf(query['resolution-status']);
    const comments = store.inlineComments(row.id).filter((c) => !wanted || wanted.includes(c.resolution_status));
    return list(
      request,
      reply,
      comments.map((c) => v2InlineComment(ctx, c, bodyFormat, true)),
    );
  });

  app.get<{ Params: { id: string } }>(`${prefix}/inline-comments/:id`, async (request) => {
    const user = userOf(request);
    const query = request.query as Query;
    const comment = store.inlineComment(parseId(request.params.id, 'comment-id'));
    if (!comment) throw new ApiError(404, `No inline comment with id ${request.params.id}`);
    readableContent(ctx, user, String(comment.page_id), { type: 'page' });
    return v2InlineComment(ctx, comment, bodyFormatOf(query));
  });

  // A top-level comment on a page: `inlineCommentProperties` picks the text (see insertCommentMarker).
  app.post(`${prefix}/inline-comments`, async (request, reply) => {
    const user = userOf(request);
    const body = (request.body ?? {}) as Body;
    if (body.parentCommentId !== undefined || body.blogPostId !== undefined)
      throw new ApiError(400, 'The sandbox takes top-level inline comments on pages only: send pageId');
    const page = writableContent(ctx, user, requireString(body, 'pageId'), { type: 'page' });
    const properties = (body.inlineCommentProperties ?? {}) as Record<string, unknown>;
    if (typeof properties.textSelection !== 'string' || properties.textSelection === '')
      throw new ApiError(
        400,
        "Field 'inlineCommentProperties.textSelection' is required for a top-level inline comment",
      );
    const comment = store.createInlineComment(
      page.id,
      {
        selection: properties.textSelection,
        matchCount: optionalInteger(properties, 'textSelectionMatchCount'),
        matchIndex: optionalInteger(properties, 'textSelectionMatchIndex'),
        body: storageBody(body),
      },
      user,
    );
    reply.code(201).header('location', `${prefix}/inline-comments/${comment.id}`);
    return withBase(request, v2InlineComment(ctx, comment, 'storage'));
  });

  app.get<{ Params: { id: string } }>(`${prefix}/pages/:id/versions`, async (request, reply) => {
    const user = userOf(request);
    const row = readableContent(ctx, user, request.params.id, { type: 'page', statuses: ['current', 'trashed'] });
    return list(
      request,
      reply,
      store.versions(row.id).map((v) => ({ ...v2VersionOf(v), page: { id: String(row.id), title: v.title } })),
    );
  });

  // properties ----------------------------------------------------------
  app.get<{ Params: { pageId: string } }>(`${prefix}/pages/:pageId/properties`, async (request, reply) => {
    const user = userOf(request);
    const query = request.query as Query;
    // Like the page itself (GET /pages/{id}), its properties read in the trash and the archive too.
    const row = readableContent(ctx, user, request.params.pageId, {
      type: 'page',
      statuses: ['current', 'trashed', 'archived'],
    });
    const properties = store.properties(row.id).filter((p) => !query.key || p.key === query.key);
    return list(request, reply, properties.map(v2Property));
  });

  app.post<{ Params: { pageId: string } }>(`${prefix}/pages/:pageId/properties`, async (request) => {
    const user = userOf(request);
    const body = (request.body ?? {}) as Body;
    const row = writableContent(ctx, user, request.params.pageId, { type: 'page' });
    return v2Property(store.createProperty(row.id, requireString(body, 'key'), body.value, user));
  });

  app.get<{ Params: { pageId: string; propertyId: string } }>(
    `${prefix}/pages/:pageId/properties/:propertyId`,
    async (request) => {
      const user = userOf(request);
      const row = readableContent(ctx, user, request.params.pageId, { type: 'page' });
      const property = store.propertyById(row.id, parseId(request.params.propertyId, 'property-id'));
      if (!property) throw new ApiError(404, `No property with id ${request.params.propertyId} on page ${row.id}`);
      return v2Property(property);
    },
  );

  app.put<{ Params: { pageId: string; propertyId: string } }>(
    `${prefix}/pages/:pageId/properties/:propertyId`,
    async (request) => {
      const user = userOf(request);
      const body = (request.body ?? {}) as Body;
      const row = writableContent(ctx, user, request.params.pageId, { type: 'page' });
      const version = body.version as { number?: unknown; message?: unknown } | undefined;
      if (!version || typeof version.number !== 'number') throw new ApiError(400, "Field 'version.number' is required");
      const property = store.updateProperty(
        row.id,
        { id: parseId(request.params.propertyId, 'property-id') },
        {
          key: typeof body.key === 'string' ? body.key : undefined,
          value: body.value,
          versionNumber: version.number,
          message: typeof version.message === 'string' ? version.message : '',
        },
        user,
      );
      return v2Property(property);
    },
  );

  app.delete<{ Params: { pageId: string; propertyId: string } }>(
    `${prefix}/pages/:pageId/properties/:propertyId`,
    async (request, reply) => {
      const user = userOf(request);
      const row = writableContent(ctx, user, request.params.pageId, { type: 'page' });
      store.deleteProperty(row.id, { id: parseId(request.params.propertyId, 'property-id') });
      return reply.code(204).send();
    },
  );

  // labels and attachments (read) ----------------------------------------
  app.get<{ Params: { id: string } }>(`${prefix}/pages/:id/labels`, async (request, reply) => {
    const user = userOf(request);
    const query = request.query as Query;
    const row = readableContent(ctx, user, request.params.id, { type: 'page' });
    const labels = store.labels(row.id).filter((l) => !query.prefix || l.prefix === query.prefix);
    return list(request, reply, labels.map(v2Label));
  });

  app.get<{ Params: { id: string } }>(`${prefix}/pages/:id/attachments`, async (request, reply) => {
    const user = userOf(request);
    const query = request.query as Query;
    const row = readableContent(ctx, user, request.params.id, { type: 'page' });
    const attachments = store
      .children(row.id, 'attachment')
      .filter((a) => !query.filename || a.title === query.filename)
      .filter((a) => !query.mediaType || a.media_type === query.mediaType);
    return list(
      request,
      reply,
      attachments.map((a) => v2Attachment(ctx, a)),
    );
  });

  app.get<{ Params: { id: string } }>(`${prefix}/attachments/:id`, async (request) => {
    const user = userOf(request);
    const id = request.params.id.replace(/^att/, '');
    const row = readableContent(ctx, user, id, { type: 'attachment' });
    return withBase(request, v2Attachment(ctx, row));
  });

  // Delete → trash; `?purge=true` on a trashed attachment removes it for good.
  app.delete<{ Params: { id: string } }>(`${prefix}/attachments/:id`, async (request, reply) => {
    const user = userOf(request);
    const purge = (request.query as Query).purge === 'true';
    const id = request.params.id.replace(/^att/, '');
    const row = writableContent(ctx, user, id, {
      type: 'attachment',
      statuses: purge ? ['current', 'trashed'] : ['current'],
    });
    if (purge) {
      if (row.status !== 'trashed')
        throw new ApiError(400, `Attachment ${request.params.id} must be trashed before it can be purged`);
      store.purge(row.id);
    } else {
      store.trashAttachment(row.id);
    }
    return reply.code(204).send();
  });
}

function sortPages(pages: ContentRow[], sort: string | undefined): ContentRow[] {
  if (!sort) return pages;
  const descending = sort.startsWith('-');
  const field = sort.replace(/^-/, '');
  const key = (p: ContentRow): string | number =>
    field === 'title'
      ? p.title.toLowerCase()
      : field === 'created-date'
        ? p.created_at
        : field === 'modified-date'
          ? p.version_at
          : p.id;
  return [...pages].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (descending ? -1 : 1));
}
