import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { Command } from '@oclif/core';
import { closestName, formatDiagnostic, isDocgenError, type Diagnostic } from '@docgen/core';
import { warningJson } from './warning-json.js';
import { warningBlocks } from './warning-groups.js';

/**
 * `did you mean --on-conflict overwrite?` for oclif's "Expected --on-conflict=overwite to be one
 * of: fail, skip, overwrite": a value a letter or two off an allowed one.
 */
function meantOption(message: string): string | undefined {
  const [, flag, value, allowed] = /^Expected (--[\w-]+)=(.*) to be one of: (.*)$/.exec(message) ?? [];
  const meant = value === undefined ? undefined : closestName(value, allowed!.split(', '));
  return meant ? `did you mean ${flag} ${meant}?` : undefined;
}

/** Flags whose values are secrets; their values never appear in any message. */
const SECRET_FLAGS = ['--confluence-token'];
const SECRET_ENV = ['CONFLUENCE_API_TOKEN', 'CONFLUENCE_ACCESS_TOKEN'];
const REDACTED = '***';

/** The warnings a run reported before the error that stopped it: printed with it, not lost. */
const warningsBefore = new WeakMap<object, Diagnostic[]>();

/**
 * `error`, remembered with the warnings reported before it: a warning may say why the run failed
 * (`kind: Compnent`, "did you mean Component?", before "no kind: Component").
 */
export function withWarningsBefore(error: unknown, warnings: Diagnostic[]): unknown {
  if (warnings.length && error !== null && typeof error === 'object') warningsBefore.set(error, [...warnings]);
  return error;
}

/**
 * Flags as a user may write them from the config's option names (`spec:` is --openapi) or from
 * other tools (--output): the flag each most likely means.
 */
const FLAG_SYNONYMS: Readonly<Record<string, string>> = {
  spec: 'openapi',
  schema: 'prisma',
  entry: 'routes',
  output: 'out',
  'out-dir': 'out',
  outdir: 'out',
  'output-dir': 'out',
};

/** The commands whose input each input flag gives (`--openapi` is `docgen api`'s). */
const INPUT_FLAG_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  openapi: ['api'],
  routes: ['api'],
  prisma: ['schema'],
  dir: ['adr', 'runbook'],
};

/**
 * Base of every docgen command: `--json` on all of them, and one way to print failures.
 * A DocgenError prints as `error CODE file:line: message` plus its hint; with `--json` the
 * diagnostic is printed as JSON on stdout. Anything else is a bug and keeps its stack.
 * Either way, secrets from flags or the environment are redacted first: oclif's own parse
 * errors echo argv (`--confluence-token= SECRET` → "Unexpected argument: SECRET").
 * A usage error (unknown flag, missing argument, invalid flag value) is a DG_USAGE diagnostic
 * and exits 2: oclif's own would print the whole help page, or with `--json` dump its parser
 * state (every flag definition, the argv) as the "error".
 */
export abstract class DocgenCommand extends Command {
  static override enableJsonFlag = true;
  /**
   * The flag that names what the command reads (`openapi` for `docgen api`): a stray argument was
   * most likely meant for it (`docgen api openapi.yaml`), and the usage error says so.
   */
  static inputFlag?: string;

  /** Where the command's progress lines go: with --json to stderr, as stdout is the JSON answer alone. */
  protected progressLog(): { info(line: string): void } {
    const json = this.jsonEnabled();
    return { info: (line) => (json ? process.stderr.write(`${line}\n`) : this.log(line)) };
  }

  protected override async catch(thrown: Error & { exitCode?: number }): Promise<unknown> {
    // Whatever was thrown: a plugin may throw a string or a plain object, which has no message to redact.
    const error = asError(thrown);
    redactInPlace(error, secretValues(this.argv, process.env));
    if (isUsageError(error)) return this.fail(this.usageDiagnostic(error), 2);
    if (isSystemError(error)) return this.fail(fileSystemDiagnostic(error), 1);
    // A usage error docgen finds itself (`--link-base docs.acme.com`) exits as oclif's do.
    if (isDocgenError(error))
      return this.fail(error.toJSON(), error.code === 'DG_USAGE' ? 2 : 1, warningsBefore.get(thrown) ?? []);
    // A bug: the usual diagnostic with --json (oclif's own is `{"error": …}`, a shape no caller reads).
    if (this.jsonEnabled() && !isExit(error))
      return this.fail(internalDiagnostic(error, this.argv.includes('--verbose')), 1);
    return super.catch(error);
  }

  private fail(diagnostic: Diagnostic, exitCode: number, warnings: Diagnostic[] = []): never {
    if (this.jsonEnabled())
      this.logJson({
        ok: false,
        error: diagnostic,
        ...(warnings.length ? { warnings: warnings.map(warningJson) } : {}),
      });
    else {
      // Grouped as a run's warnings are: a dead link pasted into 64 descriptions prints once.
      for (const block of warningBlocks(warnings, { verbose: this.argv.includes('--verbose') }))
        this.logToStderr(block);
      this.logToStderr(formatDiagnostic(diagnostic));
    }
    return this.exit(exitCode);
  }

  private usageDiagnostic(error: Error): Diagnostic {
    // One paragraph: oclif spreads a message over lines ("Missing 1 required arg:\nid  Page id")
    // and appends "See more help with --help", which the hint says instead.
    // A flag's own parser's message comes after a "Parsing --flag" line: the flag leads the message
    // instead ("--concurrency: Expected an integer …"); dropped, it left the message naming no flag.
    // An unknown flag is named without its value: `--confluence-tokn=…` would echo a token.
    const text = isNonexistentFlags(error)
      ? error.message.replace(/^(Nonexistent flags?: ).*/, `$1${error.flags.map(flagName).join(', ')}`)
      : error.message;
    const message = text
      .replace(/\n\s*See more help with --help\s*$/, '')
      .replace(/^Parsing (--\S+)\s*\n\s*(.*)/s, (_, flag: string, rest: string) =>
        rest.includes(flag) ? rest : `${flag}: ${rest}`,
      )
      .split('\n')
      .map((line) => line.trim().replace(/^(\S+)\s{2,}(\S.*)$/, '$1 — $2')) // "id  Page id": an argument and its description
      .filter(Boolean)
      .join(' ');
    const command = [this.config.bin, ...(this.id ?? '').split(':')].filter(Boolean).join(' ');
    const help = `run \`${command} --help\` for its flags, arguments and examples`;
    const advice = isUnexpectedArgs(error)
      ? this.strayArgumentAdvice(command, error.args)
      : isNonexistentFlags(error)
        ? this.meantFlag(error.flags[0]!)
        : /^Missing \d+ required arg/.test(message)
          ? this.example()
          : meantOption(message);
    return {
      code: 'DG_USAGE',
      severity: 'error',
      message,
      hint: advice ? `${advice}${advice.endsWith('?') ? ' ' : '; '}${help}` : help,
    };
  }

  /** `did you mean --openapi?` for --spec or --opnapi: a config option's name, or a near spelling. */
  private meantFlag(given: string): string | undefined {
    const name = flagName(given).replace(/^-+/, '');
    const own = Object.keys((this.constructor as typeof DocgenCommand).flags ?? {});
    const synonym = FLAG_SYNONYMS[name];
    if (synonym && own.includes(synonym)) return `did you mean --${synonym}?`;
    // Another command's input exactly (`docgen api --dir docs/adr`) before a near spelling (--diff).
    const meant = closestName(name, own);
    return this.otherCommandsInput(name) ?? (meant ? `did you mean --${meant}?` : undefined);
  }

  /**
   * `docgen generate --openapi openapi.yaml`: the input flag of another command, which renders that
   * input (generate renders the config's sources). Its value is a path, never a secret.
   */
  private otherCommandsInput(name: string): string | undefined {
    const takers = INPUT_FLAG_COMMANDS[name];
    if (!takers) return undefined;
    const at = this.argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
    const written = this.argv[at]!;
    const value = written.includes('=') ? written.slice(written.indexOf('=') + 1) : (this.argv[at + 1] ?? '<path>');
    const commands = takers.map((command) => `${this.config.bin} ${command}`);
    return `--${name} is a flag of ${commands.join(' and ')}: did you mean \`${commands[0]} --${name} ${value}\`?`;
  }

  /** The command's first example (`e.g. \`docgen publish docs-out --dry-run\``), for a missing argument. */
  private example(): string | undefined {
    const [first] = (this.constructor as typeof DocgenCommand).examples ?? [];
    const text = typeof first === 'string' ? first : first?.command;
    return text ? `e.g. \`${text.replace(/<%= config\.bin %>/g, this.config.bin)}\`` : undefined;
  }

  /**
   * What to do with arguments the command does not take (oclif's UnexpectedArgsError): pass the
   * first to the input flag when it was not given; say the flag takes one value when it was (a
   * shell glob, `--openapi specs/*.yaml`, gives it several); else remove them or quote a value.
   */
  private strayArgumentAdvice(command: string, stray: string[]): string {
    // `--flag= value`: the shell split the value from its flag, which oclif then read as empty.
    const emptied = this.argv.find((arg) => /^--[\w-]+=$/.test(arg));
    if (emptied) return `${emptied} is followed by a space: write ${emptied}value, without one`;
    const { inputFlag, args } = this.constructor as typeof DocgenCommand;
    const given = inputFlag && this.argv.some((arg) => arg === `--${inputFlag}` || arg.startsWith(`--${inputFlag}=`));
    if (inputFlag && !given) return `did you mean \`${command} --${inputFlag} ${stray[0]}\`?`;
    if (inputFlag)
      return `--${inputFlag} takes one value (a shell glob gives it several): run \`${command}\` once for each`;
    const accepted = Object.keys(args ?? {}).map((name) => name.toUpperCase());
    const takes = accepted.length
      ? `takes ${accepted.length === 1 ? 'one argument' : `${accepted.length} arguments`} (${accepted.join(' ')})`
      : 'takes no arguments';
    return `\`${command}\` ${takes}: remove ${stray.join(' ')}, or quote a value that has spaces (--flag "a b")`;
  }
}

/** Node's errors from the file system (ENOTDIR, EACCES, ENOSPC…) carry a code, a syscall and the path. */
function isSystemError(error: Error): error is NodeJS.ErrnoException & { path: string } {
  const fields = error as NodeJS.ErrnoException;
  return typeof fields.code === 'string' && typeof fields.syscall === 'string' && typeof fields.path === 'string';
}

/** A failing read or write is the user's to fix (a file where a folder is expected, no permission, a full disk). */
function fileSystemDiagnostic(error: NodeJS.ErrnoException & { path: string }): Diagnostic {
  return {
    code: 'DG_FILE_SYSTEM',
    severity: 'error',
    message: error.message,
    location: { file: error.path },
    hint: fileSystemHint(error),
  };
}

/** What the error code means for this path, and what to do. */
function fileSystemHint(error: NodeJS.ErrnoException & { path: string }): string {
  const elsewhere = 'choose another folder';
  switch (error.code) {
    case 'ENOENT':
      // makeFolder creates one folder at a time, so the folder above exists: it refuses new ones.
      if (error.syscall === 'mkdir')
        return `${dirname(error.path)} does not take new folders (a virtual file system such as /proc or /sys): ${elsewhere}`;
      break;
    case 'ENOTDIR':
    case 'EEXIST': {
      const file = nearestExisting(error.path);
      if (file && !statSync(file).isDirectory())
        return `${file} is a file, not a folder: ${elsewhere}, or move the file`;
      break;
    }
    case 'EACCES':
    case 'EPERM':
      return `no permission to write there: ${elsewhere}, or make it writable`;
    case 'EROFS':
      return `the file system is read-only: ${elsewhere}`;
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full (or you are over quota): free some space, or write to another disk';
  }
  return 'check that the path (or a folder on it) is not a file, that it is writable, and that the disk has room';
}

/** The path itself, or the nearest folder above it, that exists. */
function nearestExisting(path: string): string | undefined {
  for (let current = path; ; current = dirname(current)) {
    if (existsSync(current)) return current;
    if (dirname(current) === current) return undefined;
  }
}

/** oclif's UnexpectedArgsError (its `args` are the words; a missing-argument error's are definitions). */
function isUnexpectedArgs(error: Error): error is Error & { args: string[] } {
  const { args } = error as { args?: unknown };
  return (
    /^Unexpected arguments?:/.test(error.message) &&
    Array.isArray(args) &&
    args.length > 0 &&
    args.every((arg) => typeof arg === 'string')
  );
}

/** `--flag` of `--flag=value`. */
function flagName(given: string): string {
  return given.replace(/=.*$/s, '');
}

/** oclif's NonExistentFlagsError: the flags as given (`--spec`, `--opnapi=x.yaml`). */
function isNonexistentFlags(error: Error): error is Error & { flags: string[] } {
  const { flags } = error as { flags?: unknown };
  return /^Nonexistent flags?:/.test(error.message) && Array.isArray(flags) && typeof flags[0] === 'string';
}

/** What was thrown, as an Error: a string is its message, anything else its JSON (or String) form. */
function asError(thrown: unknown): Error & { exitCode?: number } {
  if (thrown instanceof Error) return thrown;
  if (typeof thrown === 'string') return new Error(thrown);
  let text: string;
  try {
    text = JSON.stringify(thrown) ?? String(thrown);
  } catch {
    text = String(thrown); // a cycle
  }
  return new Error(`a non-Error value was thrown: ${text}`);
}

/** oclif's ExitError (`this.exit(n)`): no error to report. */
function isExit(error: Error): boolean {
  return (error as { code?: string }).code === 'EEXIT';
}

/** An error that is not docgen's own (a bug): its message, a hint to report it, its stack only with --verbose. */
function internalDiagnostic(error: Error, verbose: boolean): Diagnostic {
  return {
    code: 'DG_INTERNAL',
    severity: 'error',
    message: `unexpected error: ${error.message}`,
    hint: verbose
      ? 'this is a bug in docgen or a plugin: report it with this output and the command that caused it'
      : 'this is a bug in docgen or a plugin: report it with the command that caused it (run again with --verbose for the stack)',
    ...(verbose && error.stack ? { excerpt: error.stack } : {}),
  };
}

/** oclif's parse and flag-validation errors exit 2; its ExitError (`this.exit(2)`) is no error to report. */
function isUsageError(error: Error): boolean {
  const fields = error as unknown as { code?: string; oclif?: { exit?: number } };
  return fields.oclif?.exit === 2 && fields.code !== 'EEXIT';
}

/** Values given to secret flags (`--flag value`, `--flag=value`, `--flag= value`) and secret env vars. */
export function secretValues(argv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const secrets = SECRET_ENV.map((name) => env[name]).filter((value): value is string => Boolean(value));
  argv.forEach((arg, index) => {
    for (const flag of SECRET_FLAGS) {
      if (arg === flag || arg === `${flag}=`) secrets.push(argv[index + 1] ?? '');
      else if (arg.startsWith(`${flag}=`)) secrets.push(arg.slice(flag.length + 1));
    }
  });
  return secrets.filter((secret) => secret.length >= 4);
}

function redactInPlace(error: Error, secrets: readonly string[]): void {
  if (!secrets.length) return;
  const scrub = (text: string) => secrets.reduce((out, secret) => out.split(secret).join(REDACTED), text);
  error.message = scrub(error.message);
  if (error.stack) error.stack = scrub(error.stack);
  const fields = error as unknown as Record<string, unknown>;
  for (const key of ['hint', 'excerpt']) {
    if (typeof fields[key] === 'string') fields[key] = scrub(fields[key]);
  }
  // oclif's UnexpectedArgsError keeps the stray words, which the usage hint repeats.
  if (Array.isArray(fields.args))
    fields.args = fields.args.map((arg: unknown) => (typeof arg === 'string' ? scrub(arg) : arg));
  const location = fields.location as { file?: string } | undefined;
  if (location?.file) fields.location = { ...location, file: scrub(location.file) };
}
