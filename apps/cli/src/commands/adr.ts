import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { GenerateResult, Retell } from '../generate.js';
import { pathFlag } from '../paths.js';
import {
  GeneratorCommand,
  generatorFlags,
  sourcesOfInputFlag,
  usesPlugin,
  type GenerateSummary,
} from '../generator-command.js';

export default class Adr extends GeneratorCommand {
  static override summary = 'Render architecture decision records into an ADR log with one page per decision';
  static override description = `Reads a folder of ADR Markdown files (adr-tools/Nygard, MADR, log4brains; each subfolder of decisions is a log of its own), and writes to the output folder an "Architecture decision records" page (number, title, status, date, superseded-by) with one child page per decision: manifest.json, one .md per page and (unless --no-storage) one .storage.xhtml per page. Links between ADR files become links between the pages.

Without --dir, renders every \`adr\` source of the docgen config.`;

  static override examples = [
    '<%= config.bin %> adr --dir docs/adr --out docs-out',
    '<%= config.bin %> adr --config docs/docgen.config.yaml --publish',
    '<%= config.bin %> adr --dir doc/adr --json',
  ];

  static override inputFlag = 'dir';

  static override flags = {
    dir: pathFlag({ summary: 'Folder of ADR Markdown files (replaces the config sources)', helpValue: '<folder>' }),
    ...generatorFlags,
  };

  async run(): Promise<GenerateSummary> {
    const { flags } = await this.parse(Adr);
    return this.generateAndPublish(flags, {
      ...sourcesOfInputFlag('adr', flags.dir, { option: 'dir', flag: '--dir' }),
      noSourcesHint: adrFolderHint(process.cwd()),
      retell: flags.dir ? namingConfiguredFolders(flags.dir) : undefined,
    });
  }

  protected override describe(result: GenerateResult): string {
    // A decision's page comes from its file; a log's (the main one, a subfolder's) from a folder.
    const decisions = result.tree.pages.filter(
      (page) => page.source?.plugin === 'adr' && /\.(?:md|markdown)$/i.test(page.source.file ?? ''),
    ).length;
    return `${decisions} decision${decisions === 1 ? '' : 's'}`;
  }
}

/**
 * A --dir folder with no decisions in it, beside a config that lists ADR sources of other folders:
 * those are likely what was meant, and a run without --dir renders them.
 */
function namingConfiguredFolders(dir: string): Retell {
  return (warning, configured) => {
    if (warning.code !== 'DG_ADR_EMPTY' || !configured.file) return warning;
    const folders = configured.config.sources
      .filter(usesPlugin('adr'))
      .map((source) => source.options?.dir)
      .filter((folder): folder is string => typeof folder === 'string')
      .map((folder) => resolve(configured.dir, folder))
      .filter((folder) => folder !== resolve(dir))
      .map((folder) => relative(process.cwd(), folder) || '.');
    if (!folders.length) return warning;
    const sources = folders.length === 1 ? `an ADR source in ${folders[0]}` : `ADR sources in ${folders.join(', ')}`;
    const it = folders.length === 1 ? 'it' : 'them';
    return {
      ...warning,
      hint: `${warning.hint}; ${basename(configured.file)} lists ${sources}: run \`docgen adr\` without --dir to render ${it}`,
    };
  };
}

/** Where ADR tools and templates keep decisions, for a first run without --dir. */
const USUAL_FOLDERS = [
  'doc/adr',
  'docs/adr',
  'docs/adrs',
  'doc/architecture/decisions',
  'docs/architecture/decisions',
  'docs/decisions',
  'adr',
  'decisions',
];

/**
 * What to pass without --dir and without an `adr` source: the folder adr-tools' `.adr-dir` names
 * (in this folder or one above, as adr-tools looks it up), else a usual ADR folder that is here.
 */
function adrFolderHint(cwd: string): string {
  const config = (folder: string) => `or add \`sources: [{ plugin: adr, options: { dir: ${folder} } }]\` to the config`;
  for (let dir = cwd; ; dir = dirname(dir)) {
    const file = join(dir, '.adr-dir');
    if (existsSync(file)) {
      const named = readFileSync(file, 'utf8').trim();
      const folder = relative(cwd, resolve(dir, named)) || '.';
      return `adr-tools' ${relative(cwd, file) || '.adr-dir'} names ${named}: pass --dir ${folder}, ${config(folder)}`;
    }
    if (dirname(dir) === dir || existsSync(join(dir, '.git'))) break;
  }
  const found = USUAL_FOLDERS.find((folder) => isFolder(join(cwd, folder)));
  return found
    ? `${found} looks like the ADR folder: pass --dir ${found}, ${config(found)}`
    : `pass --dir <folder>, ${config('docs/adr')}`;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
