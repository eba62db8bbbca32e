import type { ConfluenceApi, CurrentUser, Endpoint } from '@docgen/publisher';
import { DocgenCommand } from '../../docgen-command.js';
import { connectionFlags, withConfluence } from '../../publish-flags.js';

export interface CheckReport {
  ok: boolean;
  /** The embedded sandbox's: a port of the command's own, gone when it ends. */
  url: string;
  /** With no Confluence configured: the embedded sandbox's data folder, checked instead. */
  sandboxDir?: string;
  flavor: string;
  user?: { id: string; displayName?: string; email?: string };
  space?: { key: string; id?: string; name?: string; homepageId?: string };
  canCreatePages?: boolean;
  /** What to change when the check failed for a reason docgen can name. */
  hint?: string;
  requests: number;
}

const FLAVOR_FIX = 'pass --confluence-flavor data-center or set CONFLUENCE_FLAVOR=data-center';

/**
 * Cloud is only guessed from a `/wiki` path on a host of its own, and a Data Center whose context
 * path is /wiki answers `user/current` too: its user, with no Atlassian account, tells them apart.
 */
function answersAsDataCenter(endpoint: Endpoint, user: CurrentUser): boolean {
  return endpoint.flavor === 'cloud' && endpoint.guessed === true && !user.atlassianAccount;
}

export default class ConfluenceCheck extends DocgenCommand {
  static override summary = 'Check access: authentication, the space, and permission to create pages';
  static override examples = [
    '<%= config.bin %> confluence check --confluence-space DOCS',
    '<%= config.bin %> confluence check --json',
  ];
  static override flags = connectionFlags;

  async run(): Promise<CheckReport> {
    const { flags } = await this.parse(ConfluenceCheck);
    const json = this.jsonEnabled();
    const log = this.progressLog();
    return withConfluence(flags, log, async (api, connection) => {
      const { atlassianAccount, ...user } = await api.currentUser();
      // The embedded sandbox listens only while the command runs: its port is no address to open later.
      const where = connection.sandboxDir ? `the embedded sandbox (${connection.sandboxDir})` : api.endpoint.base;
      const who = `authenticated as ${user.displayName ?? user.email ?? user.id} on ${where}`;
      const report: CheckReport = {
        ok: true,
        url: api.endpoint.base,
        ...(connection.sandboxDir ? { sandboxDir: connection.sandboxDir } : {}),
        flavor: api.endpoint.flavor,
        user,
        requests: 0,
      };
      if (answersAsDataCenter(api.endpoint, { ...user, atlassianAccount })) {
        // The space step would go to the Cloud API this site does not have, and fail with less to say.
        report.ok = false;
        report.hint = FLAVOR_FIX;
        log.info(
          `✗ ${who}, but it answers as Data Center (its user has no Atlassian account), not Cloud as its /wiki path suggested: ${FLAVOR_FIX}`,
        );
      } else {
        log.info(`✓ ${who} (${api.endpoint.flavor})`);
        if (connection.spaceKey) await checkSpace(api, connection.spaceKey, report, log);
        else log.info('(no space given: pass --confluence-space or set CONFLUENCE_SPACE_KEY to check it)');
      }
      report.requests = api.transport.stats.reads + api.transport.stats.writes;
      // A failed check fails the step that runs it; with --json the report is printed first.
      if (!report.ok && !json) this.exit(1);
      if (!report.ok) process.exitCode = 1;
      return report;
    });
  }
}

async function checkSpace(
  api: ConfluenceApi,
  spaceKey: string,
  report: CheckReport,
  log: { info(line: string): void },
): Promise<void> {
  const space = await api.getSpace(spaceKey);
  report.space = space;
  log.info(`✓ space ${space.key}${space.name ? ` (${space.name})` : ''}, homepage ${space.homepageId ?? 'none'}`);
  report.canCreatePages = await api.canCreatePages(space);
  if (report.canCreatePages === false) report.ok = false;
  log.info(
    report.canCreatePages === undefined
      ? '? create permission: this Confluence offers no read-only check; the first publish will tell'
      : report.canCreatePages
        ? '✓ may create pages'
        : '✗ may NOT create pages in this space: ask a space admin for "Add pages"',
  );
}
