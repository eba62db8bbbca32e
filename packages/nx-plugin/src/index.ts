import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  createNodesFromFiles,
  type CreateNodesContextV2,
  type CreateNodesResult,
  type CreateNodesV2,
  type TargetConfiguration,
} from '@nx/devkit';
import { parse as parseYaml } from 'yaml';

/**
 * Nx plugin: every folder with a `docgen.config.{json,yaml,yml,js,mjs}` gets two inferred targets.
 *
 * - `docs` renders the folder's sources into its output folder. It is a pure function of the
 *   folder's files, so Nx caches it and `nx affected -t docs` regenerates only what changed.
 * - `docs-publish` syncs that output to Confluence. It talks to a server, so it is never cached.
 *
 * Inference only reads the config file (to find `out`); it has no side effects.
 */
export interface DocgenNxPluginOptions {
  /** Name of the generate target (default `docs`). */
  targetName?: string;
  /** Name of the publish target (default `docs-publish`). */
  publishTargetName?: string;
  /** The generator command (default `docgen generate`: every source of the config), run with `--config <file> --out <dir>`. */
  command?: string;
}

const CONFIG_GLOB = '**/docgen.config.{json,yaml,yml,js,mjs}';
const DEFAULT_OUT = 'docs-out';

export const createNodesV2: CreateNodesV2<DocgenNxPluginOptions> = [
  CONFIG_GLOB,
  (configFiles, options, context) => createNodesFromFiles(inferDocsTargets, configFiles, options ?? {}, context),
];

function inferDocsTargets(
  configFile: string,
  options: DocgenNxPluginOptions | undefined,
  context: CreateNodesContextV2,
): CreateNodesResult {
  const projectRoot = dirname(configFile);
  const out = configuredOutDir(join(context.workspaceRoot, configFile)) ?? DEFAULT_OUT;
  const generate = options?.targetName ?? 'docs';
  const publish = options?.publishTargetName ?? 'docs-publish';
  const command = options?.command ?? 'docgen generate';
  const config = basename(configFile);

  const docsTarget: TargetConfiguration = {
    executor: 'nx:run-commands',
    options: { command: `${command} --config ${config} --out ${out}`, cwd: projectRoot },
    cache: true,
    // The output folder and docgen's own cache are results, not inputs.
    inputs: ['{projectRoot}/**/*', `!{projectRoot}/${out}/**/*`, '!{projectRoot}/.docgen/**/*'],
    outputs: [`{projectRoot}/${out}`],
    metadata: { description: 'Render this project’s documentation with docgen', technologies: ['docgen'] },
  };
  const publishTarget: TargetConfiguration = {
    executor: 'nx:run-commands',
    options: { command: `docgen publish ${out}`, cwd: projectRoot },
    dependsOn: [generate],
    cache: false,
    metadata: { description: 'Publish the rendered documentation to Confluence', technologies: ['docgen'] },
  };
  const targets = { [generate]: docsTarget, [publish]: publishTarget };
  return { projects: { [projectRoot]: { name: projectName(context.workspaceRoot, projectRoot), targets } } };
}

/** `out` from a JSON or YAML config; JS configs keep the default (inference must not execute code). */
function configuredOutDir(file: string): string | undefined {
  if (!/\.(json|ya?ml)$/.test(file) || !existsSync(file)) return undefined;
  try {
    const config = parseYaml(readFileSync(file, 'utf8')) as { out?: unknown } | null;
    return typeof config?.out === 'string' ? config.out.replace(/^\.\//, '').replace(/\/$/, '') : undefined;
  } catch {
    return undefined; // an invalid config is reported by the docs target itself, with its line
  }
}

/** A folder that is already a package keeps its name (Nx merges by root); otherwise name it by path. */
function projectName(workspaceRoot: string, projectRoot: string): string | undefined {
  const manifest = join(workspaceRoot, projectRoot, 'package.json');
  if (existsSync(manifest) || existsSync(join(workspaceRoot, projectRoot, 'project.json'))) return undefined;
  return projectRoot === '.' ? basename(workspaceRoot) : projectRoot.replace(/[\\/]/g, '-');
}
