import { Args, Flags } from '@oclif/core';
import { isDocgenError } from '@docgen/core';
import { DocgenCommand } from '../../docgen-command.js';
import { connectionFlags, firstResults, withConfluence } from '../../publish-flags.js';

export default class ConfluenceSearch extends DocgenCommand {
  static override summary = 'Search with CQL, following pagination';
  static override examples = ['<%= config.bin %> confluence search \'space = DOCS and label = "api"\' --limit 100'];
  static override args = {
    cql: Args.string({ description: 'A CQL query, e.g. space = DEV and title ~ "pets"', required: true }),
  };
  static override flags = {
    ...connectionFlags,
    limit: Flags.integer({ summary: 'Stop after this many results', default: 100, min: 1 }),
    'page-size': Flags.integer({ summary: 'Results per request (Confluence caps it)', default: 50, min: 1, max: 250 }),
  };

  async run(): Promise<{
    ok: true;
    cql: string;
    results: Array<{ id: string; type: string; title: string; spaceKey?: string; version?: number }>;
    requests: number;
  }> {
    const { args, flags } = await this.parse(ConfluenceSearch);
    const json = this.jsonEnabled();
    return withConfluence(flags, this.progressLog(), async (api) => {
      const { results: shown, next } = await firstResults(flags.limit, (after) =>
        api
          .search(args.cql, { limit: Math.min(flags['page-size'], flags.limit), next: after })
          .catch((error: unknown) => Promise.reject(withCqlHint(error))),
      );
      if (!json) {
        for (const r of shown)
          this.log(`${r.id.padEnd(10)} ${r.type.padEnd(10)} ${(r.spaceKey ?? '').padEnd(8)} ${r.title}`);
        this.log(`${shown.length} result(s)${next ? ' (more available: raise --limit)' : ''}`);
      }
      return { ok: true, cql: args.cql, results: shown, requests: api.transport.stats.reads };
    });
  }
}

/**
 * Confluence's 400 for a query it cannot parse says where ("expected a value at 8") but not what
 * to do: the error printed with no hint at all.
 */
function withCqlHint(error: unknown): unknown {
  if (!isDocgenError(error) || error.code !== 'DG_CONFLUENCE_BAD_REQUEST' || error.hint) return error;
  return Object.assign(error, {
    hint: 'fix the CQL where Confluence says (quote the whole query for the shell, and values with spaces for CQL), e.g. \'space = DEV and title ~ "pets"\'; CQL: https://developer.atlassian.com/cloud/confluence/advanced-searching-using-cql/',
  });
}
