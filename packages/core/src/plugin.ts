import type { OptionOrigin } from './config.js';
import type { Diagnostic } from './diagnostics.js';
import type { PageTree } from './page-tree.js';

/** A JSON Schema (draft 2020-12 subset understood by Ajv) describing a plugin's options. */
export type OptionsSchema = Record<string, unknown>;

export interface ExtractContext<Options> {
  /** The plugin's options, already validated against `optionsSchema`. */
  options: Options;
  /** Folder that relative paths in the options resolve against (the config file's folder). */
  cwd: string;
  /** The config file the options came from, for diagnostics. */
  configFile?: string;
  /**
   * Where an option was given, for a diagnostic to name: the flag (`--openapi`) for a source given
   * on the command line, else the config key with its file and line. See `fixOptionHint`.
   */
  origin(option: string): OptionOrigin;
  /** Report a non-fatal problem; fatal ones are thrown as DocgenError. */
  report(diagnostic: Diagnostic): void;
  /**
   * The source's `parent` (`sources[i].parent`): the key of the page its root pages go under.
   * Core puts them there; a plugin may also derive default keys from it (`<parent>/routes`).
   */
  parent?: string;
}

/** Renders a named Handlebars template: the user's override if present, else the plugin's default. */
export interface TemplateRenderer {
  render(name: string, data: unknown): string;
  has(name: string): boolean;
}

export interface RenderContext<Options> extends ExtractContext<Options> {
  templates: TemplateRenderer;
}

/**
 * A source plugin turns some input (an OpenAPI spec, a Prisma schema, ADR files …) into pages.
 * Two pure steps: `extract` reads the input into a typed model, `render` turns the model into a
 * page tree through templates. An in-house plugin is an npm module whose default export (or
 * named export `source`) implements this interface; naming it in config is all it takes.
 */
export interface DocumentSource<Options = Record<string, unknown>, Model = unknown> {
  /** Short name used in config (`sources: [{ plugin: openapi, … }]`) and in page provenance. */
  name: string;
  description?: string;
  optionsSchema: OptionsSchema;
  /** Absolute path of the plugin's default Handlebars templates (`<name>.hbs`, partials `_*.hbs`). */
  templatesDir?: string;
  extract(context: ExtractContext<Options>): Promise<Model> | Model;
  render(model: Model, context: RenderContext<Options>): Promise<PageTree> | PageTree;
}

/** Identity helper that gives plugin authors type inference. */
export function defineSource<Options, Model>(source: DocumentSource<Options, Model>): DocumentSource<Options, Model> {
  return source;
}
