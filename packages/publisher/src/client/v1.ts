import pLimit from 'p-limit';
import { OWNERSHIP_PROPERTY, parseOwnership, type Ownership } from '../state.js';
import type { Endpoint } from './endpoint.js';
import { ConfluenceError } from './errors.js';
import { pageThrough, ReadBudget, resolveNext, titledWithin, type Listing } from './pager.js';
import type { Transport } from './transport.js';
import type {
  AttachmentWrite,
  ConfluenceApi,
  CreateExtras,
  CurrentUser,
  MovePosition,
  OwnershipRecord,
  PageRead,
  PageWrite,
  RemoteAttachment,
  RemotePage,
  SearchHit,
  SearchPage,
  SpaceInfo,
} from './types.js';

/** Largest page size Confluence honours for content search without body expansions. */
export const PAGE_SIZE = 250;

const LIST_EXPAND = `version,ancestors,metadata.labels,metadata.properties.${OWNERSHIP_PROPERTY}`;

interface V1Content {
  id: string;
  type?: string;
  status?: string;
  title: string;
  space?: { key?: string };
  version?: { number: number; message?: string; when?: string };
  ancestors?: Array<{ id: string; title?: string }>;
  body?: { storage?: { value?: string } };
  extensions?: { position?: number | string };
  metadata?: {
    labels?: { results?: Array<{ name: string; prefix?: string }> };
    properties?: Record<string, { id?: string; key?: string; value?: unknown; version?: { number: number } }>;
  };
}

interface V1Attachment {
  id: string;
  title: string;
  metadata?: { comment?: string };
  extensions?: { comment?: string };
}

interface V1List<T> {
  results: T[];
  start?: number;
  limit?: number;
  size?: number;
  _links?: { next?: string; base?: string; context?: string };
}

/**
 * REST v1: all of Data Center, and on Cloud the parts v2 has no write for (CQL search,
 * labels, attachment upload, archive). Cloud page CRUD is overridden in CloudApi.
 */
export class V1Api implements ConfluenceApi {
  constructor(
    readonly endpoint: Endpoint,
    readonly transport: Transport,
  ) {}

  protected get v1(): string {
    return this.endpoint.v1;
  }

  /** `_links.next` is relative to the site root (`/rest/api/…` or `/wiki/rest/api/…`): see `resolveNext`. */
  protected absolute(next: string | undefined): string | undefined {
    return resolveNext(this.endpoint.base, next);
  }

  /** A v1 listing (`start`/`limit`, `_links.next` relative to the site), a page of results at a time. */
  protected v1Pages<T>(first: Listing, budget?: ReadBudget): AsyncGenerator<T[]> {
    return pageThrough<T>(this.transport, first, (next) => this.absolute(next), budget);
  }

  /** A listed page, with docgen's property read on its own when the listing did not expand it. */
  private async withOwnership(content: V1Content, status?: string): Promise<RemotePage> {
    const page = { ...fromV1(content), ...(status ? { status: content.status ?? status } : {}) };
    if (content.metadata?.properties === undefined) page.ownership = await this.readOwnership(page.id);
    return page;
  }

  async getSpace(key: string): Promise<SpaceInfo> {
    const { body } = await this.transport.request<{
      id: number | string;
      key: string;
      name?: string;
      homepage?: { id: string };
    }>({
      method: 'GET',
      url: `${this.v1}/space/${encodeURIComponent(key)}`,
      query: { expand: 'homepage' },
      what: `space ${key}`,
    });
    return { id: String(body.id), key: body.key, name: body.name, homepageId: body.homepage?.id };
  }

  async listSpaces(next?: string): Promise<SearchPage<SpaceInfo>> {
    const { body } = await this.transport.request<
      V1List<{ id: number | string; key: string; name?: string; homepage?: { id: string } }>
    >({
      method: 'GET',
      url: next ?? `${this.v1}/space`,
      query: next ? undefined : { limit: 100, expand: 'homepage' },
      what: 'spaces',
    });
    return {
      results: body.results.map((s) => ({ id: String(s.id), key: s.key, name: s.name, homepageId: s.homepage?.id })),
      next: this.absolute(body._links?.next),
    };
  }

  async getPage(id: string, options: PageRead = {}): Promise<RemotePage> {
    const { body } = await this.transport.request<V1Content>({
      method: 'GET',
      url: `${this.v1}/content/${encodeURIComponent(id)}`,
      query: {
        expand: `version,ancestors${options.body ? ',body.storage' : ''}`,
        ...(options.status ? { status: options.status } : {}),
      },
      what: `page ${id}`,
    });
    return fromV1(body);
  }

  async listUnder(rootId: string): Promise<RemotePage[]> {
    const pages: RemotePage[] = [];
    const listing = this.v1Pages<V1Content>({
      url: `${this.v1}/content/search`,
      query: { cql: `ancestor = ${cqlNumber(rootId)} and type = page`, limit: PAGE_SIZE, expand: LIST_EXPAND },
      what: `pages under ${rootId}`,
    });
    for await (const results of listing) {
      // A server that ignores the property expand (older sandboxes, some proxies) costs one read a page.
      const expandIgnored = results.length > 0 && results.every((c) => c.metadata?.properties === undefined);
      const listed = results.map(fromV1);
      if (expandIgnored) {
        const limit = pLimit(4);
        await Promise.all(
          listed.map((page) => limit(async () => void (page.ownership = await this.readOwnership(page.id)))),
        );
      }
      pages.push(...listed);
    }
    return pages;
  }

  async findByTitle(space: SpaceInfo, title: string): Promise<RemotePage | undefined> {
    const { body } = await this.transport.request<V1List<V1Content>>({
      method: 'GET',
      url: `${this.v1}/content`,
      query: { spaceKey: space.key, title, type: 'page', status: 'current', expand: LIST_EXPAND },
      what: `page titled "${title}"`,
    });
    const match = body.results?.find((c) => c.title.toLowerCase() === title.toLowerCase());
    return match ? this.withOwnership(match) : this.findInAnyCase(space, title);
  }

  /**
   * Confluence keeps titles unique without regard to case, but its title look-ups match exactly:
   * when the exact one finds nothing, CQL (whose title match ignores case) finds a page holding the
   * title in another case. Only on a miss, so a found title costs one read.
   */
  protected async findInAnyCase(space: SpaceInfo, title: string): Promise<RemotePage | undefined> {
    return (await this.findTitles(space, [title]))[0];
  }

  /** v1 lists the trash by `status=trashed` (Data Center's REST API has no archive). */
  async findRetiredByTitle(space: SpaceInfo, title: string): Promise<RemotePage | undefined> {
    const { body } = await this.transport.request<V1List<V1Content>>({
      method: 'GET',
      url: `${this.v1}/content`,
      query: { spaceKey: space.key, title, type: 'page', status: 'trashed', expand: LIST_EXPAND },
      what: `trashed page titled "${title}"`,
    });
    const match = body.results?.find((c) => c.title.toLowerCase() === title.toLowerCase());
    return match ? this.withOwnership(match, 'trashed') : undefined;
  }

  /**
   * The space's trash listed (Atlassian's KB documents `GET /content?spaceKey=…&status=trashed`
   * for this), a read per 250 pages; when the trash is larger than the titles are many, one
   * look-up per title instead. Either way a trash this user may not list yields nothing: the
   * run still meets such a page when its create is refused.
   */
  async findRetiredTitles(space: SpaceInfo, titles: string[]): Promise<RemotePage[]> {
    const unique = [...new Set(titles)];
    if (unique.length === 0) return [];
    const wanted = new Set(unique.map((title) => title.toLowerCase()));
    try {
      // A look-up per title is one read on either dialect (Cloud asks the trash and the archive at once).
      const listed = await this.listRetired(space, wanted, unique.length);
      if (listed) return listed;
      const found: RemotePage[] = [];
      for (const title of unique) {
        const page = await this.findRetiredByTitle(space, title);
        if (page) found.push(page);
      }
      return found;
    } catch (error) {
      if (error instanceof ConfluenceError) return [];
      throw error;
    }
  }

  /**
   * The pages in the trash with the wanted titles, or undefined once the listing would cost more
   * than `budget` reads (a look-up per title is cheaper then).
   */
  protected async listRetired(
    space: SpaceInfo,
    wanted: Set<string>,
    budget: number,
  ): Promise<RemotePage[] | undefined> {
    return titledWithin(
      (reads) =>
        this.v1Pages<V1Content>(
          {
            url: `${this.v1}/content`,
            query: { spaceKey: space.key, type: 'page', status: 'trashed', limit: PAGE_SIZE, expand: LIST_EXPAND },
            what: `the trash of space ${space.key}`,
          },
          reads,
        ),
      wanted,
      budget,
      (content) => this.withOwnership(content, 'trashed'),
    );
  }

  async findTitles(space: SpaceInfo, titles: string[]): Promise<RemotePage[]> {
    const wanted = new Set(titles.map((title) => title.toLowerCase()));
    const found: RemotePage[] = [];
    for (const batch of titleBatches([...new Set(titles)])) {
      const cql = `space = ${cqlString(space.key)} and type = page and title in (${batch.map(cqlString).join(', ')})`;
      const listing = this.v1Pages<V1Content>({
        url: `${this.v1}/content/search`,
        query: { cql, limit: PAGE_SIZE, expand: LIST_EXPAND },
        what: `pages titled ${batch.length === 1 ? `"${batch[0]}"` : `as ${batch.length} new pages`}`,
      });
      for await (const results of listing) {
        for (const content of results) {
          // CQL's title match may be looser than equality (stemming on some sites): keep exact ones.
          if (!wanted.has(content.title.toLowerCase()) || (content.status && content.status !== 'current')) continue;
          const page = await this.withOwnership(content);
          page.path = (content.ancestors ?? []).map((ancestor) => ancestor.title ?? String(ancestor.id));
          page.ancestorIds = (content.ancestors ?? []).map((ancestor) => String(ancestor.id));
          found.push(page);
        }
      }
    }
    return found;
  }

  /**
   * One request for the page, its labels and docgen's property (v1 `metadata` on create); the
   * answer is expanded to show what the server stored, so one that ignores `metadata` is noticed
   * and the caller writes the rest separately.
   */
  async createPage(space: SpaceInfo, page: PageWrite, extras: CreateExtras = {}): Promise<RemotePage> {
    const metadata: Record<string, unknown> = {};
    if (extras.labels?.length) metadata.labels = extras.labels.map((name) => ({ prefix: 'global', name }));
    if (extras.ownership)
      metadata.properties = { [OWNERSHIP_PROPERTY]: { key: OWNERSHIP_PROPERTY, value: extras.ownership } };
    const { body } = await this.transport.request<V1Content>({
      method: 'POST',
      url: `${this.v1}/content`,
      query: { expand: LIST_EXPAND },
      json: {
        type: 'page',
        title: page.title,
        space: { key: space.key },
        ancestors: [{ id: page.parentId }],
        body: { storage: { value: page.body, representation: 'storage' } },
        ...(Object.keys(metadata).length ? { metadata } : {}),
      },
      idempotent: false,
      what: `new page "${page.title}"`,
    });
    return fromV1(body);
  }

  async updatePage(id: string, page: PageWrite & { version: number; message: string }): Promise<RemotePage> {
    const { body } = await this.transport.request<V1Content>({
      method: 'PUT',
      url: `${this.v1}/content/${encodeURIComponent(id)}`,
      json: {
        id,
        type: 'page',
        status: 'current',
        title: page.title,
        ancestors: [{ id: page.parentId }],
        body: { storage: { value: page.body, representation: 'storage' } },
        version: { number: page.version, minorEdit: true, message: page.message },
      },
      what: `page ${id}`,
    });
    return fromV1(body);
  }

  async readOwnership(pageId: string): Promise<OwnershipRecord | undefined> {
    const { status, body } = await this.transport.request<{
      id?: string;
      value?: unknown;
      version?: { number: number };
    }>({
      method: 'GET',
      url: `${this.v1}/content/${encodeURIComponent(pageId)}/property/${OWNERSHIP_PROPERTY}`,
      accept: [404],
      what: `docgen's property on page ${pageId}`,
    });
    if (status === 404) return undefined;
    return toRecord(body);
  }

  async writeOwnership(pageId: string, value: Ownership, existing?: OwnershipRecord): Promise<OwnershipRecord> {
    const base = `${this.v1}/content/${encodeURIComponent(pageId)}/property`;
    if (!existing) {
      const created = await this.transport.request<{ id?: string; value?: unknown; version?: { number: number } }>({
        method: 'POST',
        url: base,
        json: { key: OWNERSHIP_PROPERTY, value },
        // Creating a property twice answers 409 (or 400 on some versions), never a duplicate.
        idempotent: true,
        accept: [400, 409],
        what: `docgen's property on page ${pageId}`,
      });
      if (created.status < 400) return toRecord(created.body) ?? { version: 1, value };
      existing = await this.readOwnership(pageId);
      if (!existing)
        throw new ConfluenceError({
          code: 'DG_CONFLUENCE_PROPERTY',
          message: `could not create docgen's property on page ${pageId}`,
          method: 'POST',
          path: base,
        });
    }
    const { body } = await this.transport.request<{ id?: string; value?: unknown; version?: { number: number } }>({
      method: 'PUT',
      url: `${base}/${OWNERSHIP_PROPERTY}`,
      json: { key: OWNERSHIP_PROPERTY, value, version: { number: existing.version + 1, minorEdit: true } },
      what: `docgen's property on page ${pageId}`,
    });
    return toRecord(body) ?? { version: existing.version + 1, value };
  }

  async addLabels(pageId: string, names: string[]): Promise<void> {
    if (names.length === 0) return;
    await this.transport.request({
      method: 'POST',
      url: `${this.v1}/content/${encodeURIComponent(pageId)}/label`,
      json: names.map((name) => ({ prefix: 'global', name })),
      // Adding a label a page already has is a no-op on Confluence's side.
      idempotent: true,
      what: `labels of page ${pageId}`,
    });
  }

  /**
   * By path, or by `?name=` for a label with a `/`: Confluence keeps one in a label but refuses it
   * in the path "for security reasons" (Cloud v1 and Data Center specs).
   */
  async removeLabel(pageId: string, name: string): Promise<void> {
    const labels = `${this.v1}/content/${encodeURIComponent(pageId)}/label`;
    const bySlash = name.includes('/');
    await this.transport.request({
      method: 'DELETE',
      url: bySlash ? labels : `${labels}/${encodeURIComponent(name)}`,
      query: bySlash ? { name } : undefined,
      accept: [404],
      what: `label ${name} of page ${pageId}`,
    });
  }

  async listAttachments(pageId: string): Promise<RemoteAttachment[]> {
    const out: RemoteAttachment[] = [];
    const listing = this.v1Pages<V1Attachment>({
      url: `${this.v1}/content/${encodeURIComponent(pageId)}/child/attachment`,
      query: { limit: PAGE_SIZE, expand: 'version,metadata' },
      what: `attachments of page ${pageId}`,
    });
    for await (const results of listing) {
      for (const a of results) {
        out.push({ id: a.id, fileName: a.title, comment: a.metadata?.comment ?? a.extensions?.comment });
      }
    }
    return out;
  }

  async uploadAttachment(pageId: string, file: AttachmentWrite, existing?: RemoteAttachment): Promise<void> {
    const form = new FormData();
    form.set('file', new Blob([file.data], { type: file.mediaType }), file.fileName);
    form.set('comment', file.comment);
    form.set('minorEdit', 'true');
    const base = `${this.v1}/content/${encodeURIComponent(pageId)}/child/attachment`;
    await this.transport.request({
      method: 'POST',
      url: existing ? `${base}/${encodeURIComponent(existing.id)}/data` : base,
      form,
      headers: { 'X-Atlassian-Token': 'no-check' },
      // Re-uploading the same bytes is harmless (a new attachment version at worst, never a
      // second file: a repeated create answers 400 "already exists", handled by the caller).
      idempotent: Boolean(existing),
      what: `attachment ${file.fileName} of page ${pageId}`,
    });
  }

  /** Attachments are content: DELETE /content/{id} trashes them on every Data Center version. */
  async deleteAttachment(pageId: string, attachment: RemoteAttachment): Promise<void> {
    await this.transport.request({
      method: 'DELETE',
      url: `${this.v1}/content/${encodeURIComponent(attachment.id)}`,
      accept: [404],
      what: `attachment ${attachment.fileName} of page ${pageId}`,
    });
  }

  /** The Data Center REST API (9.3.1, 10.0.3 specs) has no page move; see CloudApi. */
  get canMovePages(): boolean {
    return false;
  }

  async movePage(pageId: string, position: MovePosition, targetId: string): Promise<void> {
    await this.transport.request({
      method: 'PUT',
      url: `${this.v1}/content/${encodeURIComponent(pageId)}/move/${position}/${encodeURIComponent(targetId)}`,
      what: `position of page ${pageId}`,
    });
  }

  async retire(pageId: string): Promise<void> {
    await this.transport.request({
      method: 'DELETE',
      url: `${this.v1}/content/${encodeURIComponent(pageId)}`,
      accept: [404],
      what: `page ${pageId}`,
    });
  }

  async search(cql: string, options: { limit?: number; next?: string } = {}): Promise<SearchPage<SearchHit>> {
    const { body } = await this.transport.request<V1List<V1Content>>({
      method: 'GET',
      url: options.next ?? `${this.v1}/content/search`,
      query: options.next ? undefined : { cql, limit: options.limit ?? 25, expand: 'space,version' },
      what: 'CQL search',
    });
    return {
      results: (body.results ?? []).map((c) => ({
        id: c.id,
        type: c.type ?? 'page',
        title: c.title,
        status: c.status,
        spaceKey: c.space?.key,
        version: c.version?.number,
      })),
      next: body.results?.length ? this.absolute(body._links?.next) : undefined,
    };
  }

  async currentUser(): Promise<CurrentUser> {
    const { body } = await this.transport.request<{
      accountId?: string;
      userKey?: string;
      username?: string;
      displayName?: string;
      email?: string;
    }>({
      method: 'GET',
      url: `${this.v1}/user/current`,
      what: 'the current user',
    });
    return {
      id: body.accountId ?? body.userKey ?? body.username ?? '',
      displayName: body.displayName,
      email: body.email,
      atlassianAccount: body.accountId !== undefined,
    };
  }

  async canCreatePages(_space: SpaceInfo): Promise<boolean | undefined> {
    return undefined;
  }
}

export function fromV1(content: V1Content): RemotePage {
  const property = content.metadata?.properties?.[OWNERSHIP_PROPERTY];
  const labels = content.metadata?.labels?.results?.map((l) => l.name);
  return {
    id: String(content.id),
    title: content.title,
    status: content.status,
    parentId: content.ancestors?.length ? String(content.ancestors[content.ancestors.length - 1].id) : undefined,
    version: { number: content.version?.number ?? 0, message: content.version?.message, when: content.version?.when },
    labels,
    ownership: property ? toRecord(property) : undefined,
    body: content.body?.storage?.value,
    position: positionOf(content.extensions?.position),
  };
}

function positionOf(raw: number | string | undefined): number | null | undefined {
  if (raw === undefined) return undefined;
  const n = typeof raw === 'number' ? raw : /^-?\d+$/.test(raw) ? Number(raw) : NaN;
  return Number.isFinite(n) ? n : null;
}

export function toRecord(
  property: { id?: string; value?: unknown; version?: { number: number } } | undefined,
): OwnershipRecord | undefined {
  if (!property) return undefined;
  const value = parseOwnership(property.value);
  if (!value) return undefined;
  return {
    id: property.id === undefined ? undefined : String(property.id),
    version: property.version?.number ?? 1,
    value,
  };
}

/** Page ids are numbers; refuse anything else before it reaches a CQL string. */
export function cqlNumber(id: string): string {
  if (!/^\d+$/.test(id))
    throw new ConfluenceError({
      code: 'DG_CONFLUENCE_PAGE_ID',
      message: `"${id}" is not a Confluence page id (digits only)`,
      method: 'GET',
      path: '',
    });
  return id;
}

/**
 * Titles in groups whose CQL stays well inside a URL's length (servers and proxies refuse much
 * past 8 KB): up to 50 titles or ~2,000 characters of them.
 */
function titleBatches(titles: string[]): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let length = 0;
  for (const title of titles) {
    if (batch.length && (batch.length === 50 || length + title.length > 2000)) {
      batches.push(batch);
      batch = [];
      length = 0;
    }
    batch.push(title);
    length += title.length + 4;
  }
  if (batch.length) batches.push(batch);
  return batches;
}

export function cqlString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
