import { resolve } from 'node:path';
import { Flags } from '@oclif/core';
import { GeneratorCommand, generatorFlags, type GenerateSummary } from '../generator-command.js';

export default class Api extends GeneratorCommand {
  static override summary = 'Render an API reference (OpenAPI 3.0/3.1, Swagger 2.0) into a page tree';
  static override description = `Reads the spec (YAML or JSON, with $refs across local files), and writes to the output folder an overview page with one child page per tag, a webhooks page and a schemas page: manifest.json, one .md per page and one .storage.xhtml per page.

Without --openapi, renders every \`openapi\` source of the docgen config.`;

  static override examples = [
    '<%= config.bin %> api --openapi openapi.yaml --out docs-out',
    '<%= config.bin %> api --config examples/acme-shop/docgen.config.yaml',
    '<%= config.bin %> api --openapi specs/petstore.json --json',
    '<%= config.bin %> api --openapi openapi.yaml --publish --confluence-space DOCS',
  ];

  static override flags = {
    openapi: Flags.string({
      summary: 'OpenAPI or Swagger file to render (replaces the config sources)',
      helpValue: '<file>',
    }),
    ...generatorFlags,
  };

  async run(): Promise<GenerateSummary> {
    const { flags } = await this.parse(Api);
    return this.generateAndPublish(flags, {
      sources: flags.openapi ? [{ plugin: 'openapi', options: { spec: resolve(flags.openapi) } }] : undefined,
      include: flags.openapi
        ? undefined
        : (source) => source.plugin === 'openapi' || source.plugin === '@docgen/source-openapi',
      noSourcesHint:
        'pass --openapi <file>, or add `sources: [{ plugin: openapi, options: { spec: openapi.yaml } }]` to the config',
    });
  }
}
