import { DocgenCommand } from '../../docgen-command.js';
import { connectionFlags, withConfluence } from '../../publish-flags.js';

export interface CheckReport {
  ok: boolean;
  url: string;
  flavor: string;
  user?: { id: string; displayName?: string; email?: string };
  space?: { key: string; id?: string; name?: string; homepageId?: string };
  canCreatePages?: boolean;
  requests: number;
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
    const log = { info: (line: string) => (json ? process.stderr.write(`${line}\n`) : this.log(line)) };
    return withConfluence(flags, log, async (api, connection) => {
      const user = await api.currentUser();
      log.info(
        `✓ authenticated as ${user.displayName ?? user.email ?? user.id} on ${api.endpoint.base} (${api.endpoint.flavor})`,
      );
      const report: CheckReport = { ok: true, url: api.endpoint.base, flavor: api.endpoint.flavor, user, requests: 0 };
      if (connection.spaceKey) {
        const space = await api.getSpace(connection.spaceKey);
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
      } else {
        log.info('(no space given: pass --confluence-space or set CONFLUENCE_SPACE_KEY to check it)');
      }
      report.requests = api.transport.stats.reads + api.transport.stats.writes;
      if (!report.ok && !json) this.exit(1);
      return report;
    });
  }
}
