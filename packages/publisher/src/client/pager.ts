import type { RequestSpec, Transport } from './transport.js';

/** The first request of a listing; the pages after it are the server's `_links.next`. */
export interface Listing {
  url: string;
  query: NonNullable<RequestSpec['query']>;
  what: string;
}

/** What v1 and v2 listings share: the results, and a link to the next page while there is one. */
interface ListingAnswer<T> {
  results?: T[];
  _links?: { next?: string };
}

/**
 * A listing's `_links.next` made absolute against the API's `base` (the site root every REST path
 * hangs off). Confluence writes it relative to the site: `/wiki/api/v2/…` (v2), `/rest/api/…` (v1
 * and Data Center, under any context path), or with the context path (`/confluence/rest/api/…`).
 * Through Atlassian's API gateway (`https://api.atlassian.com/ex/confluence/{cloudId}/wiki`) the
 * answers are still the site's: a `/wiki/…` link belongs under the gateway's `/wiki`, not at the
 * gateway's root, where the second read of every listing would 404.
 */
export function resolveNext(base: string, next: string | undefined): string | undefined {
  if (!next) return undefined;
  if (/^https?:/.test(next)) return next;
  const { origin, pathname } = new URL(base);
  const root = pathname.replace(/\/+$/, '');
  if (root && next.startsWith(`${root}/`)) return `${origin}${next}`;
  if (root.endsWith('/wiki') && next.startsWith('/wiki/')) return `${origin}${root}${next.slice('/wiki'.length)}`;
  return `${origin}${root}${next}`;
}

/**
 * At most `max` reads, over one listing or several (Cloud lists the trash, then the archive): a
 * caller that has a cheaper way once a listing grows past it (a look-up per title) sets one.
 */
export class ReadBudget {
  private reads = 0;
  /** Set when a listing stopped short for want of reads: what it found is not all there is. */
  exhausted = false;

  constructor(private readonly max: number) {}

  /** Whether one more read fits; when it does not, the budget is exhausted. */
  take(): boolean {
    if (this.reads >= this.max) {
      this.exhausted = true;
      return false;
    }
    this.reads++;
    return true;
  }
}

/**
 * The items of a listing whose title (lower-cased) is `wanted`, each made what the caller keeps by
 * `keep`; undefined once the listing would cost more than `budget` reads: what it found is not all
 * there is then, and a look-up per title is cheaper. v1's trash and Cloud's trash and archive are
 * listed so.
 */
export async function titledWithin<T extends { title: string }, R>(
  list: (reads: ReadBudget) => AsyncIterable<T[]>,
  wanted: ReadonlySet<string>,
  budget: number,
  keep: (item: T) => Promise<R>,
): Promise<R[] | undefined> {
  const found: R[] = [];
  const reads = new ReadBudget(budget);
  for await (const results of list(reads)) {
    for (const item of results) {
      if (wanted.has(item.title.toLowerCase())) found.push(await keep(item));
    }
  }
  return reads.exhausted ? undefined : found;
}

/**
 * The results of a Confluence listing, a page at a time, each read only when the caller asks for
 * it: the first request, then the server's `_links.next` made absolute by `resolveNext` (it carries
 * the query: v1's `start`/`limit`, v2's `cursor`). A page with no results ends the listing,
 * whatever its links say, so a server that keeps answering a `next` cannot loop it forever.
 */
export async function* pageThrough<T>(
  transport: Transport,
  first: Listing,
  resolveNext: (next: string | undefined) => string | undefined,
  budget?: ReadBudget,
): AsyncGenerator<T[]> {
  let url: string | undefined = first.url;
  let query: Listing['query'] | undefined = first.query;
  while (url) {
    if (budget && !budget.take()) return;
    const { body }: { body: ListingAnswer<T> } = await transport.request<ListingAnswer<T>>({
      method: 'GET',
      url,
      query,
      what: first.what,
    });
    const results: T[] = body.results ?? [];
    yield results;
    url = results.length ? resolveNext(body._links?.next) : undefined;
    query = undefined;
  }
}
