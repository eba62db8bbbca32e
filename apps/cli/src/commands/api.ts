import { resolve } from 'node:path';
import type { FlagSource } from '@docgen/core';
import { pathFlag } from '../paths.js';
import { GeneratorCommand, generatorFlags, usesPlugin, type GenerateSummary } from '../generator-command.js';

export default class Api extends GeneratorCommand {
  static override summary =
    'Render an API reference (OpenAPI 3.0/3.1, Swagger 2.0, and the routes the code serves) into a page tree';
  static override description = `Reads the spec (YAML or JSON, with $refs across local files), and writes to the output folder an overview page with one child page per tag, a webhooks page and a schemas page: manifest.json, one .md per page and one .storage.xhtml per page.

With --routes, also reads the HTTP routes the app serves from its code (ts-morph): Express (also with inversify-express-utils or routing-controllers), NestJS, Fastify, Koa or Hono, into a routes page; with --openapi too, it reports routes the spec does not describe and operations no route serves. --routes alone renders the routes page only.

Without --openapi or --routes, renders every \`openapi\` and \`routes\` source of the docgen config.`;

  static override examples = [
    '<%= config.bin %> api --openapi openapi.yaml --out docs-out',
    '<%= config.bin %> api --config examples/acme-shop/docgen.config.yaml',
    '<%= config.bin %> api --openapi specs/petstore.json --json',
    '<%= config.bin %> api --openapi openapi.yaml --routes src/server.ts',
    '<%= config.bin %> api --routes src/main.ts',
    '<%= config.bin %> api --openapi openapi.yaml --publish --confluence-space DOCS',
  ];

  static override inputFlag = 'openapi';

  static override flags = {
    openapi: pathFlag({
      summary:
        'OpenAPI or Swagger file to render (replaces the config sources; one the config lists keeps its key and title prefix)',
      helpValue: '<file>',
    }),
    routes: pathFlag({
      summary:
        'The file creating an Express, Fastify, Koa or Hono app (or a NestJS main.ts, or the routing-controllers/inversify server): render its routes, compared with --openapi if given (replaces the config sources)',
      helpValue: '<file>',
    }),
    ...generatorFlags,
  };

  async run(): Promise<GenerateSummary> {
    const { flags } = await this.parse(Api);
    const sources: FlagSource[] = [
      ...(flags.openapi
        ? [{ plugin: 'openapi', options: { spec: resolve(flags.openapi) }, flags: { spec: '--openapi' } }]
        : []),
      ...(flags.routes
        ? [
            {
              plugin: 'routes',
              options: { entry: resolve(flags.routes), ...(flags.openapi ? { openapi: resolve(flags.openapi) } : {}) },
              flags: { entry: '--routes', openapi: '--openapi' },
            },
          ]
        : []),
    ];
    return this.generateAndPublish(flags, {
      sources: sources.length ? sources : undefined,
      // From a config: the specs, and the routes read from the code.
      include: sources.length ? undefined : usesPlugin('openapi', 'routes'),
      noSourcesHint:
        'pass --openapi <file> (or --routes <file>, the file creating the app), or add `sources: [{ plugin: openapi, options: { spec: openapi.yaml } }]` to the config',
    });
  }
}
