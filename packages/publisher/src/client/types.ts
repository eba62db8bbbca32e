import type { Ownership } from '../state.js';
import type { Endpoint } from './endpoint.js';
import type { Transport } from './transport.js';

/** The account the requests are made as. */
export interface CurrentUser {
  id: string;
  displayName?: string;
  email?: string;
  /** Cloud users always have an Atlassian account id; Data Center's have a user key and a username instead. */
  atlassianAccount: boolean;
}

export interface RemoteVersion {
  number: number;
  message?: string;
  /** When the version was made (ISO 8601; v1 `when`, v2 `createdAt`): version 1's is the page's create. */
  when?: string;
}

/** The ownership content property as stored on a page, with its own version for updates. */
export interface OwnershipRecord {
  /** Property id (Cloud v2 updates address it by id). */
  id?: string;
  version: number;
  value: Ownership;
}

export interface RemotePage {
  id: string;
  title: string;
  parentId?: string;
  status?: string;
  version: RemoteVersion;
  /** Labels when the listing included them. */
  labels?: string[];
  /** Unknown-shape property value; `ownership` holds it when it is docgen's. */
  ownership?: OwnershipRecord;
  /** Storage body when asked for. */
  body?: string;
  /**
   * Place among its siblings (v1 `extensions.position`): a number, `null` when Confluence says
   * `"none"` (never ordered), undefined when the server did not say.
   */
  position?: number | null;
  /** Titles of its ancestors, the space's top first, when the lookup asked for them (`findTitles`). */
  path?: string[];
  /** Ids of its ancestors, the space's top first, alongside `path`. */
  ancestorIds?: string[];
}

export interface RemoteAttachment {
  id: string;
  fileName: string;
  comment?: string;
}

export interface SpaceInfo {
  id?: string;
  key: string;
  name?: string;
  homepageId?: string;
}

export interface SearchPage<T> {
  results: T[];
  /** Absolute URL of the next page of results. */
  next?: string;
}

export interface SearchHit {
  id: string;
  type: string;
  title: string;
  status?: string;
  spaceKey?: string;
  version?: number;
}

/** What to read of a page: its storage body too, and the status it has when it is not current. */
export interface PageRead {
  body?: boolean;
  status?: string;
}

export type MovePosition = 'before' | 'after' | 'append';

export interface PageWrite {
  title: string;
  parentId: string;
  body: string;
}

/**
 * What a create may carry besides the page where the API allows it (v1 `metadata` on create:
 * Data Center): labels, and docgen's property. The answer says what the server really stored.
 */
export interface CreateExtras {
  labels?: string[];
  ownership?: Ownership;
}

export interface AttachmentWrite {
  fileName: string;
  mediaType: string;
  data: Uint8Array;
  comment: string;
}

/**
 * What the publisher needs from Confluence, whatever the API underneath. Cloud pages go
 * through v2, Data Center through v1; both share v1 for CQL, labels and attachment upload.
 */
export interface ConfluenceApi {
  readonly endpoint: Endpoint;
  readonly transport: Transport;
  getSpace(key: string): Promise<SpaceInfo>;
  listSpaces(next?: string): Promise<SearchPage<SpaceInfo>>;
  /**
   * A page by id; `status` reads one in the trash or the archive (`trashed`, `archived`), which v1
   * finds only when asked for by status (its default is `current`).
   */
  getPage(id: string, options?: PageRead): Promise<RemotePage>;
  /** Every current page under `rootId`, with version, parent, labels and docgen's property. */
  listUnder(rootId: string): Promise<RemotePage[]>;
  findByTitle(space: SpaceInfo, title: string): Promise<RemotePage | undefined>;
  /**
   * The page in the trash (or, where the API lists it, the archive) that holds a title, with its
   * `status`, version and docgen's property: Confluence keeps such a page's title reserved.
   */
  findRetiredByTitle(space: SpaceInfo, title: string): Promise<RemotePage | undefined>;
  /**
   * The pages in the trash (and, where the API lists it, the archive) that hold any of these
   * titles, with docgen's property: for the plan, before anything is written. Lists the space's
   * trash (a read per 250 pages), or looks each title up when that is fewer reads; a trash the
   * user may not list gives none (the run still meets such a page when its create is refused).
   */
  findRetiredTitles(space: SpaceInfo, titles: string[]): Promise<RemotePage[]>;
  /**
   * The current pages of the space that have any of these titles (compared case-insensitively,
   * as Confluence keeps titles unique per space), with their ancestors' titles: a few CQL reads
   * for any number of titles.
   */
  findTitles(space: SpaceInfo, titles: string[]): Promise<RemotePage[]>;
  createPage(space: SpaceInfo, page: PageWrite, extras?: CreateExtras): Promise<RemotePage>;
  updatePage(id: string, page: PageWrite & { version: number; message: string }): Promise<RemotePage>;
  readOwnership(pageId: string): Promise<OwnershipRecord | undefined>;
  writeOwnership(pageId: string, value: Ownership, existing?: OwnershipRecord): Promise<OwnershipRecord>;
  addLabels(pageId: string, names: string[]): Promise<void>;
  removeLabel(pageId: string, name: string): Promise<void>;
  listAttachments(pageId: string): Promise<RemoteAttachment[]>;
  uploadAttachment(pageId: string, file: AttachmentWrite, existing?: RemoteAttachment): Promise<void>;
  /** Delete (trash) an attachment; one that is already gone is fine. */
  deleteAttachment(pageId: string, attachment: RemoteAttachment): Promise<void>;
  /** Whether existing pages can be re-ordered (`movePage`): Cloud yes, Data Center's REST API no. */
  readonly canMovePages: boolean;
  /** Put a page before/after a sibling target, or last under a target (`append`). */
  movePage(pageId: string, position: MovePosition, targetId: string): Promise<void>;
  /** Move to the trash (never the archive: the API can restore from the trash only). */
  retire(pageId: string): Promise<void>;
  search(cql: string, options?: { limit?: number; next?: string }): Promise<SearchPage<SearchHit>>;
  currentUser(): Promise<CurrentUser>;
  /** Whether the current user may create pages in the space, or undefined when the API cannot tell. */
  canCreatePages(space: SpaceInfo): Promise<boolean | undefined>;
}
