import pLimit from 'p-limit';
import type { RemotePage } from './client/types.js';

/** How long a page another run just created may go without its record before it is taken for a person's. */
export const RECORD_WAITS = [250, 500, 1000, 1500];

/**
 * How long after its create a page without docgen's record may still be getting it. A run records
 * a page with its create, or (see `finish` in apply.ts) right after its labels and attachments:
 * seconds later. A minute leaves room for the clocks of Confluence's nodes to disagree, and for its
 * `Date` header's one-second resolution (see `Transport.serverNow`); a page older than that
 * without a record is no run's page in the making but a person's.
 */
export const RECORD_WINDOW_MS = 60_000;

/**
 * The page may be another docgen run's, created a moment ago and not yet recorded: version 1,
 * made within `RECORD_WINDOW_MS` by Confluence's time `now`. A server that does not date its
 * versions, or whose time is unknown (no answer had a `Date`: by this machine's clock, a minute
 * ahead, a page of two seconds looks old), leaves every such page in doubt, to be waited for.
 */
function justCreated(page: RemotePage, now: number | undefined): boolean {
  if (page.version.number !== 1) return false;
  const created = Date.parse(page.version.when ?? '');
  return now === undefined || Number.isNaN(created) || now - created < RECORD_WINDOW_MS;
}

/**
 * Pages with no record that another docgen run may be recording (two CI jobs at once): each read
 * again (`reread`: the page as it is now, with its record where it has one, or undefined once it is
 * no longer a page that run could be recording) at once and after each of `RECORD_WAITS`, until its
 * record comes. Only a page just created is waited for: an old page without a record (a person's,
 * a standing title conflict) is not read at all. At most `RECORD_WAITS.length + 1` reads a page,
 * `concurrency` at a time (the publisher's default: 4). `serverNow` is Confluence's time (see
 * `Transport.serverNow`; undefined where unknown): the pages' dates are its, and this machine's clock
 * may be far off.
 * Answers the pages recorded, by id.
 */
export async function recordedByOtherRuns(
  pages: RemotePage[],
  reread: (page: RemotePage) => Promise<RemotePage | undefined>,
  options: { serverNow: number | undefined; concurrency?: number },
): Promise<Map<string, RemotePage>> {
  const recorded = new Map<string, RemotePage>();
  const limit = pLimit(Math.max(1, options.concurrency ?? 4));
  let waiting = pages.filter((page) => justCreated(page, options.serverNow));
  for (const wait of [0, ...RECORD_WAITS]) {
    if (waiting.length === 0) break;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const live = await Promise.all(waiting.map((page) => limit(() => reread(page))));
    live.forEach((page, i) => {
      if (page?.ownership) recorded.set(waiting[i].id, page);
    });
    waiting = waiting.filter((_, i) => live[i] && !live[i].ownership);
  }
  return recorded;
}
