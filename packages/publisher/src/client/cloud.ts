import { OWNERSHIP_PROPERTY, type Ownership } from '../state.js';
import { ConfluenceError, URL_SHAPES } from './errors.js';
import type { Transport } from './transport.js';
import { pageThrough, ReadBudget, titledWithin, type Listing } from './pager.js';
import { toRecord, V1Api } from './v1.js';
import type {
  OwnershipRecord,
  PageRead,
  PageWrite,
  RemoteAttachment,
  RemotePage,
  SearchPage,
  SpaceInfo,
} from './types.js';

/**
 * Where Cloud keeps a page whose title stays reserved: the trash (a restore can bring it back) and
 * the archive (it cannot). v2's page listing takes both in one read: its `status` is an array
 * parameter with no `style` given (Cloud v2 spec, `GET /pages` and `/spaces/{id}/pages`), so it
 * is sent as OpenAPI's default for a query array, the key repeated: `status=trashed&status=archived`.
 */
const RETIRED_STATUSES = ['trashed', 'archived'] as const;

interface V2Page {
  id: string;
  status?: string;
  title: string;
  spaceId?: string;
  parentId?: string | null;
  version?: { number: number; message?: string; createdAt?: string };
  body?: { storage?: { value?: string } };
}

interface V2List<T> {
  results: T[];
  _links?: { next?: string; base?: string };
}

interface V2Property {
  id?: string;
  key?: string;
  value?: unknown;
  version?: { number: number };
}

/**
 * Confluence Cloud: pages, properties, spaces and attachment listing through REST v2; CQL,
 * labels, attachment upload and archive stay on v1 (v2 has no write for them).
 */
export class CloudApi extends V1Api {
  private get v2(): string {
    return this.endpoint.v2!;
  }

  /** A v2 listing (`cursor`; `_links.next` is `/wiki/api/v2/…`, resolved as v1's), a page of results at a time. */
  private v2Pages<T>(first: Listing, budget?: ReadBudget): AsyncGenerator<T[]> {
    return pageThrough<T>(this.transport, first, (next) => this.absolute(next), budget);
  }

  /**
   * A v2 read a run starts with (its space, the spaces). Cloud was only guessed from a `/wiki` path
   * on a host of its own: a Data Center whose context path is `/wiki` has no v2 and answers with its
   * HTML or Jersey 404, which is no wrong URL but a wrong flavour: the error says how to name it.
   */
  private async firstV2Read<T>(spec: Parameters<Transport['request']>[0]): Promise<{ body: T }> {
    try {
      return await this.transport.request<T>(spec);
    } catch (error) {
      if (this.endpoint.guessed && error instanceof ConfluenceError && error.code === 'DG_CONFLUENCE_URL') {
        Object.assign(error, {
          hint:
            `docgen took ${this.endpoint.base} for Confluence Cloud by its /wiki path, and it has no Cloud API (${new URL(this.v2).pathname}): ` +
            'if it is a Data Center site whose context path is /wiki, say so with --confluence-flavor data-center ' +
            `(or CONFLUENCE_FLAVOR=data-center, confluence.flavor: data-center); else check the Confluence URL: ${URL_SHAPES}`,
        });
      }
      throw error;
    }
  }

  /** A page found in the trash or the archive, with docgen's property (v2 lists pages without it). */
  private async retiredWithOwnership(page: V2Page): Promise<RemotePage> {
    // v2 says every page's status; a server that did not is taken to answer from the trash.
    const found = { ...fromV2(page), status: page.status ?? 'trashed' };
    found.ownership = await this.readOwnership(found.id);
    return found;
  }

  override async getSpace(key: string): Promise<SpaceInfo> {
    const { body } = await this.firstV2Read<V2List<{ id: string; key: string; name?: string; homepageId?: string }>>({
      method: 'GET',
      url: `${this.v2}/spaces`,
      query: { keys: key },
      what: `space ${key}`,
    });
    const space = body.results?.[0];
    if (!space) {
      throw new ConfluenceError({
        code: 'DG_CONFLUENCE_NOT_FOUND',
        message: `space not found: no space with key "${key}" (or the user may not view it)`,
        hint: "check --confluence-space (the space key, e.g. DOCS, not its name) and the account's permissions",
        status: 404,
        method: 'GET',
        path: new URL(`${this.v2}/spaces`).pathname,
      });
    }
    return {
      id: String(space.id),
      key: space.key,
      name: space.name,
      homepageId: space.homepageId ? String(space.homepageId) : undefined,
    };
  }

  override async listSpaces(next?: string): Promise<SearchPage<SpaceInfo>> {
    const { body } = await this.firstV2Read<V2List<{ id: string; key: string; name?: string; homepageId?: string }>>({
      method: 'GET',
      url: next ?? `${this.v2}/spaces`,
      query: next ? undefined : { limit: 250 },
      what: 'spaces',
    });
    return {
      results: body.results.map((s) => ({ id: String(s.id), key: s.key, name: s.name, homepageId: s.homepageId })),
      next: this.absolute(body._links?.next),
    };
  }

  override async getPage(id: string, options: PageRead = {}): Promise<RemotePage> {
    const query = {
      ...(options.body ? { 'body-format': 'storage' } : {}),
      ...(options.status ? { status: options.status } : {}),
    };
    const { body } = await this.transport.request<V2Page>({
      method: 'GET',
      url: `${this.v2}/pages/${encodeURIComponent(id)}`,
      query: Object.keys(query).length ? query : undefined,
      what: `page ${id}`,
    });
    return fromV2(body);
  }

  override async findByTitle(space: SpaceInfo, title: string): Promise<RemotePage | undefined> {
    const { body } = await this.transport.request<V2List<V2Page>>({
      method: 'GET',
      url: `${this.v2}/pages`,
      query: { 'space-id': space.id, title, status: 'current' },
      what: `page titled "${title}"`,
    });
    const match = body.results?.find((p) => p.title.toLowerCase() === title.toLowerCase());
    if (!match) return this.findInAnyCase(space, title);
    const page = fromV2(match);
    page.ownership = await this.readOwnership(page.id);
    return page;
  }

  /**
   * The page in the trash or the archive holding a title, both asked in one read (see
   * `RETIRED_STATUSES`); a title is held by one page at most, and should both answer, the trash's
   * wins (a restore can bring that one back).
   */
  override async findRetiredByTitle(space: SpaceInfo, title: string): Promise<RemotePage | undefined> {
    const { body } = await this.transport.request<V2List<V2Page>>({
      method: 'GET',
      url: `${this.v2}/pages`,
      query: { 'space-id': space.id, title, status: RETIRED_STATUSES },
      what: `page titled "${title}" in the trash or the archive`,
    });
    const matches = (body.results ?? []).filter((p) => p.title.toLowerCase() === title.toLowerCase());
    const match = matches.find((p) => p.status !== 'archived') ?? matches[0];
    return match ? this.retiredWithOwnership(match) : undefined;
  }

  /**
   * The space's trash and archive in one listing (see `RETIRED_STATUSES`), 250 pages a read;
   * docgen's property is read for the pages with a wanted title only.
   */
  protected override async listRetired(
    space: SpaceInfo,
    wanted: Set<string>,
    budget: number,
  ): Promise<RemotePage[] | undefined> {
    return titledWithin(
      (reads) =>
        this.v2Pages<V2Page>(
          {
            url: `${this.v2}/pages`,
            query: { 'space-id': space.id ?? '', status: RETIRED_STATUSES, limit: 250 },
            what: `the trash and the archive of space ${space.key}`,
          },
          reads,
        ),
      wanted,
      budget,
      (page) => this.retiredWithOwnership(page),
    );
  }

  /** v2 creates carry no labels or properties: the caller writes them after (`extras` ignored). */
  override async createPage(space: SpaceInfo, page: PageWrite): Promise<RemotePage> {
    const { body } = await this.transport.request<V2Page>({
      method: 'POST',
      url: `${this.v2}/pages`,
      json: {
        spaceId: space.id,
        status: 'current',
        title: page.title,
        parentId: page.parentId,
        body: { representation: 'storage', value: page.body },
      },
      idempotent: false,
      what: `new page "${page.title}"`,
    });
    return fromV2(body);
  }

  override async updatePage(id: string, page: PageWrite & { version: number; message: string }): Promise<RemotePage> {
    const { body } = await this.transport.request<V2Page>({
      method: 'PUT',
      url: `${this.v2}/pages/${encodeURIComponent(id)}`,
      json: {
        id,
        status: 'current',
        title: page.title,
        parentId: page.parentId,
        body: { representation: 'storage', value: page.body },
        version: { number: page.version, message: page.message },
      },
      what: `page ${id}`,
    });
    return fromV2(body);
  }

  override async readOwnership(pageId: string): Promise<OwnershipRecord | undefined> {
    const { status, body } = await this.transport.request<V2List<V2Property>>({
      method: 'GET',
      url: `${this.v2}/pages/${encodeURIComponent(pageId)}/properties`,
      query: { key: OWNERSHIP_PROPERTY },
      accept: [404],
      what: `docgen's property on page ${pageId}`,
    });
    if (status === 404) return undefined;
    return toRecord(body.results?.find((p) => p.key === OWNERSHIP_PROPERTY));
  }

  override async writeOwnership(
    pageId: string,
    value: Ownership,
    existing?: OwnershipRecord,
  ): Promise<OwnershipRecord> {
    const base = `${this.v2}/pages/${encodeURIComponent(pageId)}/properties`;
    if (!existing) {
      const created = await this.transport.request<V2Property>({
        method: 'POST',
        url: base,
        json: { key: OWNERSHIP_PROPERTY, value },
        idempotent: true,
        accept: [400, 409],
        what: `docgen's property on page ${pageId}`,
      });
      if (created.status < 400) return toRecord(created.body) ?? { version: 1, value };
      existing = await this.readOwnership(pageId);
    }
    if (!existing?.id) {
      throw new ConfluenceError({
        code: 'DG_CONFLUENCE_PROPERTY',
        message: `could not write docgen's property on page ${pageId}`,
        method: 'PUT',
        path: new URL(base).pathname,
      });
    }
    const { body } = await this.transport.request<V2Property>({
      method: 'PUT',
      url: `${base}/${encodeURIComponent(existing.id)}`,
      json: { key: OWNERSHIP_PROPERTY, value, version: { number: existing.version + 1, message: 'docgen' } },
      what: `docgen's property on page ${pageId}`,
    });
    return toRecord(body) ?? { id: existing.id, version: existing.version + 1, value };
  }

  override async listAttachments(pageId: string): Promise<RemoteAttachment[]> {
    const out: RemoteAttachment[] = [];
    const listing = this.v2Pages<{ id: string; title: string; comment?: string }>({
      url: `${this.v2}/pages/${encodeURIComponent(pageId)}/attachments`,
      query: { limit: 250 },
      what: `attachments of page ${pageId}`,
    });
    for await (const results of listing) {
      for (const a of results) out.push({ id: String(a.id), fileName: a.title, comment: a.comment });
    }
    return out;
  }

  /** v2 deletes an attachment by its numeric id (`att123` → 123): it goes to the trash. */
  override async deleteAttachment(pageId: string, attachment: RemoteAttachment): Promise<void> {
    await this.transport.request({
      method: 'DELETE',
      url: `${this.v2}/attachments/${encodeURIComponent(attachment.id.replace(/^att/, ''))}`,
      accept: [404],
      what: `attachment ${attachment.fileName} of page ${pageId}`,
    });
  }

  /** Cloud re-orders pages through v1 `PUT /content/{id}/move/{position}/{targetId}`. */
  override get canMovePages(): boolean {
    return true;
  }

  /**
   * Cloud retires to the trash, as Data Center does, not to the archive: its REST API can restore
   * a page from the trash but not from the archive, so a pruned page whose source comes back (a
   * reverted removal) is restored by the next run instead of waiting for a person to unarchive it.
   */
  override async retire(pageId: string): Promise<void> {
    await this.transport.request({
      method: 'DELETE',
      url: `${this.v2}/pages/${encodeURIComponent(pageId)}`,
      accept: [404],
      what: `page ${pageId}`,
    });
  }

  override async canCreatePages(space: SpaceInfo): Promise<boolean | undefined> {
    const { status, body } = await this.transport.request<{
      operations?: Array<{ operation: string; targetType: string }>;
    }>({
      method: 'GET',
      url: `${this.v2}/spaces/${encodeURIComponent(space.id ?? '')}/operations`,
      accept: [404, 501],
      what: `permissions in space ${space.key}`,
    });
    if (status >= 400 || !body?.operations) return undefined;
    return body.operations.some((o) => o.operation === 'create' && o.targetType === 'page');
  }
}

function fromV2(page: V2Page): RemotePage {
  return {
    id: String(page.id),
    title: page.title,
    status: page.status,
    parentId: page.parentId ? String(page.parentId) : undefined,
    version: { number: page.version?.number ?? 0, message: page.version?.message, when: page.version?.createdAt },
    body: page.body?.storage?.value,
  };
}
