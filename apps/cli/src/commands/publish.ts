import { resolve } from 'node:path';
import type { LoadedConfig } from '@docgen/core';
import { Args } from '@oclif/core';
import { DocgenCommand } from '../docgen-command.js';
import { expectConfigFile, expectRenderedFolder, pathFlag } from '../paths.js';
import {
  publishFailure,
  publishFlags,
  publishOptions,
  runPublish,
  wholeRunStopOf,
  type PublishReport,
} from '../publish-flags.js';

export default class Publish extends DocgenCommand {
  static override summary = 'Sync a rendered page tree into Confluence (or the embedded sandbox)';
  static override description = `Makes the pages docgen manages under the root match the rendered folder: creates, updates, renames and moves pages it owns, leaves unchanged pages untouched (no new versions), reports pages edited in Confluence as conflicts instead of overwriting them, and reports orphans (moved to the trash with --prune, and restored from it if their source comes back).

With no Confluence URL configured, publishes to the embedded sandbox in .docgen/sandbox beside the config (confluence.sandboxDir).`;

  static override examples = [
    '<%= config.bin %> publish docs-out --dry-run --diff',
    'CONFLUENCE_URL=https://acme.atlassian.net/wiki CONFLUENCE_USER=me@acme.com CONFLUENCE_API_TOKEN=… <%= config.bin %> publish docs-out --confluence-space DOCS',
    '<%= config.bin %> publish docs-out --prune --json',
  ];

  static override args = {
    'rendered-dir': Args.string({
      description: 'Folder written by a generator command (has manifest.json)',
      required: true,
    }),
  };

  static override flags = {
    ...publishFlags,
    config: pathFlag({
      summary:
        'docgen config file to read the `confluence` section from (default: the nearest docgen.config.* to the current folder, else to the rendered folder)',
      helpValue: '<file>',
    }),
  };

  async run(): Promise<PublishReport> {
    const { args, flags } = await this.parse(Publish);
    const json = this.jsonEnabled();
    expectConfigFile(flags.config);
    const loaded = await configOf(args['rendered-dir'], flags.config);
    // The config's output folder, when there is a config: the folder most likely meant when the one given is not there.
    expectRenderedFolder(args['rendered-dir'], loaded.file ? resolve(loaded.dir, loaded.config.out) : undefined);
    const report = await runPublish(args['rendered-dir'], { ...flags, json }, this.progressLog(), {
      ...publishOptions(loaded),
      // A conflict whose fix is a run of every source: what would stop that run, from the config.
      wholeRunStop: wholeRunStopOf(loaded),
      configWarnings: loaded.warnings,
    });
    const failure = publishFailure(report);
    if (failure) {
      if (!json) throw failure;
      // --json: the full report is the answer; the exit code still says it failed.
      process.exitCode = 1;
      return { ...report, error: failure.toJSON() } as PublishReport;
    }
    return report;
  }
}

/**
 * The config whose `confluence` section a publish reads: `--config`, else the nearest to the current
 * folder, else the nearest to the rendered folder (`docgen publish services/ledger/docs-out` from a
 * folder with none), whose config rendered it: a publish from outside the project ignored its
 * parentId and sandbox, and published every page again elsewhere.
 */
async function configOf(renderedDir: string, explicit: string | undefined): Promise<LoadedConfig> {
  const { loadConfig } = await import('@docgen/core');
  const here = await loadConfig({ explicit });
  if (explicit || here.file) return here;
  const beside = await loadConfig({ cwd: resolve(renderedDir) });
  return beside.file ? beside : here;
}
