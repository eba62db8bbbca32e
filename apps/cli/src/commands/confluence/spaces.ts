import { Flags } from '@oclif/core';
import { DocgenCommand } from '../../docgen-command.js';
import { connectionFlags, firstResults, withConfluence } from '../../publish-flags.js';

export default class ConfluenceSpaces extends DocgenCommand {
  static override summary = 'List the spaces the account can see';
  static override examples = [
    '<%= config.bin %> confluence spaces --limit 20',
    '<%= config.bin %> confluence spaces --json',
  ];
  static override flags = {
    ...connectionFlags,
    limit: Flags.integer({ summary: 'Stop after this many spaces', default: 1000, min: 1 }),
  };

  async run(): Promise<{ ok: true; spaces: Array<{ key: string; id?: string; name?: string; homepageId?: string }> }> {
    const { flags } = await this.parse(ConfluenceSpaces);
    const json = this.jsonEnabled();
    return withConfluence(flags, this.progressLog(), async (api) => {
      const { results: shown } = await firstResults(flags.limit, (next) => api.listSpaces(next));
      if (!json)
        for (const s of shown)
          this.log(`${s.key.padEnd(12)} ${s.name ?? ''}${s.homepageId ? `  (homepage ${s.homepageId})` : ''}`);
      return { ok: true, spaces: shown };
    });
  }
}
