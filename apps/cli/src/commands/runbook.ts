import type { GenerateResult } from '../generate.js';
import { pathFlag } from '../paths.js';
import { GeneratorCommand, generatorFlags, sourcesOfInputFlag, type GenerateSummary } from '../generator-command.js';

export default class Runbook extends GeneratorCommand {
  static override summary = 'Render service metadata into one runbook per service';
  static override description = `Reads every Backstage catalog-info.yaml under a folder, and the files their Locations point at (kind: Component: name, owner, lifecycle, links, dependencies) with the runbook.yaml beside it (on-call, dashboards, SLOs, alerts with what to do, procedures) and an optional runbook.md, and writes to the output folder a "Runbooks" index with one page per service: manifest.json, one .md per page and (unless --no-storage) one .storage.xhtml per page.

Without --dir, renders every \`runbook\` source of the docgen config.`;

  static override examples = [
    '<%= config.bin %> runbook --dir services --out docs-out',
    '<%= config.bin %> runbook --config examples/acme-shop/docgen.config.yaml --publish',
    '<%= config.bin %> runbook --dir . --json',
  ];

  static override inputFlag = 'dir';

  static override flags = {
    dir: pathFlag({
      summary: 'Folder searched for catalog-info.yaml files (replaces the config sources)',
      helpValue: '<folder>',
    }),
    ...generatorFlags,
  };

  async run(): Promise<GenerateSummary> {
    const { flags } = await this.parse(Runbook);
    return this.generateAndPublish(flags, {
      ...sourcesOfInputFlag('runbook', flags.dir, { option: 'dir', flag: '--dir' }),
      noSourcesHint:
        'pass --dir <folder>, or add `sources: [{ plugin: runbook, options: { dir: services } }]` to the config',
    });
  }

  protected override describe(result: GenerateResult): string {
    const services = result.tree.pages.filter(
      (page) => page.parentKey !== undefined && page.source?.plugin === 'runbook',
    );
    return `${services.length} service${services.length === 1 ? '' : 's'}`;
  }
}
