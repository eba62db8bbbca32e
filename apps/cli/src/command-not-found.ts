import { Help, ux, type Hook, type Interfaces } from '@oclif/core';
import { closestName, formatDiagnostic, type Diagnostic } from '@docgen/core';

/**
 * Words oclif took for a command it does not have. With spaces between topics and commands, oclif
 * reads every word before the first flag as part of the command's name: `docgen api nope.yaml`
 * looks for a command `api nope.yaml`, and fails with "command api:nope.yaml not found" (nothing on
 * stdout with --json). Here the longest known command among those words runs, with the rest given
 * back as its arguments, so its own parser reports them as a DG_USAGE error like any other; words
 * that start no command at all are an unknown command.
 */
export const COMMAND_NOT_FOUND: Hook<'command_not_found'> = async function ({ id, argv = [], config }) {
  const { command, stray } = knownCommand(config, id.split(':'));
  if (command) return config.runCommand(command, [...stray, ...argv]);
  // `docgen --json` or `docgen --verbose api`: a flag before any command, which oclif took for one.
  const diagnostic = id.startsWith('-')
    ? flagFirstDiagnostic(config, [id, ...argv])
    : unknownCommandDiagnostic(config, id.split(':'));
  if (id === '--json' || argv.includes('--json')) ux.stdout(JSON.stringify({ ok: false, error: diagnostic }, null, 2));
  else ux.stderr(formatDiagnostic(diagnostic));
  return this.exit(2);
};

/** `docgen api nope.yaml --help` shows the help of `api`, as `docgen api --help nope.yaml` does. */
export class DocgenHelp extends Help {
  override async showHelp(argv: string[]): Promise<void> {
    const words = leadingWords(argv);
    const { command, stray } = knownCommand(this.config, words);
    if (!command || !stray.length || this.config.findTopic(words.join(':'))) return super.showHelp(argv);
    return super.showHelp(argv.filter((_, index) => index < words.length - stray.length || index >= words.length));
  }
}

/** The words before the first flag: what oclif reads as the command's name. */
function leadingWords(argv: readonly string[]): string[] {
  const end = argv.findIndex((arg) => arg.startsWith('-'));
  return argv.slice(0, end === -1 ? argv.length : end);
}

/** The longest command the first words name, and the words after it. */
function knownCommand(config: Interfaces.Config, words: readonly string[]): { command?: string; stray: string[] } {
  for (let length = words.length; length > 0; length--) {
    const id = words.slice(0, length).join(':');
    if (config.findCommand(id)) return { command: id, stray: words.slice(length) };
  }
  return { stray: [...words] };
}

/**
 * Words people try for what a command of another name does (the README's "routes", a source's
 * plugin name, another tool's verb): the command line that does it. Spelling alone found nothing
 * close to `docgen routes`, and the hint listed every command.
 */
const COMMAND_SYNONYMS: Readonly<Record<string, string>> = {
  routes: 'api --routes src/server.ts',
  openapi: 'api --openapi openapi.yaml',
  swagger: 'api --openapi swagger.json',
  prisma: 'schema --prisma prisma/schema.prisma',
  adrs: 'adr --dir docs/adr',
  runbooks: 'runbook --dir services',
  render: 'generate',
  build: 'generate',
  sync: 'publish docs-out',
  push: 'publish docs-out',
  upload: 'publish docs-out',
  deploy: 'publish docs-out',
  serve: 'sandbox start',
  preview: 'sandbox start',
  spaces: 'confluence spaces',
  search: 'confluence search',
  check: 'confluence check',
};

/**
 * A flag where the command should be (`docgen --verbose publish docs-out`, `docgen --json`): the
 * command line with the command first when one comes later, else where the command goes.
 */
function flagFirstDiagnostic(config: Interfaces.Config, argv: readonly string[]): Diagnostic {
  const bin = config.bin;
  const at = argv.findIndex((word, index) => index > 0 && config.findCommand(word));
  const reordered = at === -1 ? undefined : [bin, argv[at]!, ...argv.filter((_, index) => index !== at)].join(' ');
  return {
    code: 'DG_USAGE',
    severity: 'error',
    message: `\`${argv[0]}\` comes before any command`,
    hint: reordered
      ? `put the command first, then its flags: \`${reordered}\``
      : `give a command first, then its flags (\`${bin} <command> ${argv.join(' ')}\`); run \`${bin} --help\` for the commands`,
  };
}

/** Names the words as given, and the closest command (or the topic's commands) to try instead. */
function unknownCommandDiagnostic(config: Interfaces.Config, words: readonly string[]): Diagnostic {
  const bin = config.bin;
  const visible = config.commands.filter((command) => !command.hidden).map((command) => command.id);
  const topic = words.length > 1 && config.findTopic(words[0]!) ? words[0]! : undefined;
  const candidates = topic ? visible.filter((id) => id.startsWith(`${topic}:`)) : visible;
  const spoken = (id: string) => `${bin} ${id.split(':').join(' ')}`;
  // What was typed up to the first word no command starts with; the rest would be its arguments.
  const typed = words.slice(0, topic ? 2 : 1);
  const synonym = topic ? undefined : COMMAND_SYNONYMS[typed[0]!.toLowerCase()];
  const nearest = closestName(typed.join(':'), candidates);
  const names = candidates
    .map((id) =>
      id
        .split(':')
        .slice(topic ? 1 : 0)
        .join(' '),
    )
    .sort();
  const help = `run \`${[bin, ...(topic ? [topic] : [])].join(' ')} --help\``;
  return {
    code: 'DG_USAGE',
    severity: 'error',
    message: `\`${typed.join(' ')}\` is not a ${bin} command`,
    hint: synonym
      ? `did you mean \`${bin} ${synonym}\`? ${help} for every command`
      : nearest
        ? `did you mean \`${spoken(nearest)}\`? ${help} for every command`
        : `the ${topic ? `${topic} ` : ''}commands are ${names.join(', ')}; ${help} for what each does`,
  };
}
