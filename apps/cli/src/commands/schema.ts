import type { GenerateResult } from '../generate.js';
import { pathFlag } from '../paths.js';
import { GeneratorCommand, generatorFlags, sourcesOfInputFlag, type GenerateSummary } from '../generator-command.js';

export default class Schema extends GeneratorCommand {
  static override summary = 'Render a Prisma schema into a data-model overview with one page per model';
  static override description = `Reads a Prisma schema (a schema.prisma file, or a folder of .prisma files) with Prisma's own parser, and writes to the output folder a "Data model" page (models, relationships with their cardinality and foreign keys, enums) with one child page per model (fields, types, defaults, keys, indexes, relations, where it is defined) and an enums page: manifest.json, one .md per page and (unless --no-storage) one .storage.xhtml per page.

Schemas of the Prisma 6 era (\`url\` in the datasource block) and the Prisma 7 era (without it) both parse. Without --prisma, renders every \`prisma\` source of the docgen config.`;

  static override examples = [
    '<%= config.bin %> schema --prisma prisma/schema.prisma --out docs-out',
    '<%= config.bin %> schema --prisma prisma/schema --json',
    '<%= config.bin %> schema --config examples/acme-shop/docgen.config.yaml --publish',
  ];

  static override inputFlag = 'prisma';

  static override flags = {
    prisma: pathFlag({
      summary: 'Prisma schema file or folder to render (replaces the config sources)',
      helpValue: '<file|folder>',
    }),
    ...generatorFlags,
  };

  async run(): Promise<GenerateSummary> {
    const { flags } = await this.parse(Schema);
    return this.generateAndPublish(flags, {
      ...sourcesOfInputFlag('prisma', flags.prisma, { option: 'schema', flag: '--prisma' }),
      noSourcesHint:
        'pass --prisma <schema.prisma>, or add `sources: [{ plugin: prisma, options: { schema: prisma/schema.prisma } }]` to the config',
    });
  }

  protected override describe(result: GenerateResult): string {
    const models = result.tree.pages.filter((page) => page.key.includes('/model/')).length;
    return `${models} model${models === 1 ? '' : 's'}`;
  }
}
