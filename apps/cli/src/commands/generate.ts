import { GeneratorCommand, generatorFlags, type GenerateSummary } from '../generator-command.js';

export default class Generate extends GeneratorCommand {
  static override summary = 'Render every source of the docgen config into one page tree';
  static override description = `Runs every source the config lists (OpenAPI specs, ADR folders, in-house plugins…) and writes one output folder: manifest.json, one .md and one .storage.xhtml per page. This is what the Nx \`docs\` target runs; \`docgen api\` and \`docgen adr\` render only their own kind of source.`;

  static override examples = [
    '<%= config.bin %> generate',
    '<%= config.bin %> generate --config services/orders/docgen.config.yaml --publish',
  ];

  static override inputFlag = 'config';

  static override flags = { ...generatorFlags };

  async run(): Promise<GenerateSummary> {
    const { flags } = await this.parse(Generate);
    return this.generateAndPublish(flags, {
      noSourcesHint:
        'add a source to the config, e.g. `sources: [{ plugin: openapi, options: { spec: openapi.yaml } }]`',
    });
  }
}
