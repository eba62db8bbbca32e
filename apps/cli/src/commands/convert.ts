import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { DocgenError } from '@docgen/core';
import type { StorageResult } from '@docgen/markdown-storage';
import { DocgenCommand } from '../docgen-command.js';
import { absoluteLink, expectLinkBase, linkBaseFlag } from '../link-base.js';

export default class Convert extends DocgenCommand {
  static override summary = 'Convert Markdown to Confluence storage-format XHTML';
  static override description =
    'Prints the storage XHTML docgen would publish for a Markdown file (or stdin). Images that exist next to the file become page attachments, listed with --json.';
  static override examples = [
    '<%= config.bin %> convert docs/runbook.md',
    'cat page.md | <%= config.bin %> convert --dialect datacenter',
    '<%= config.bin %> convert docs/runbook.md --json',
  ];
  static override args = {
    file: Args.string({
      description: 'Markdown file to convert (reads stdin when omitted)',
      required: false,
      ignoreStdin: true,
    }),
  };
  static override flags = {
    dialect: Flags.string({
      summary: 'Code-macro language list of the target Confluence',
      options: ['cloud', 'datacenter'],
      default: 'cloud',
    }),
    normalized: Flags.boolean({
      summary: 'Print the normalized line-per-element form docgen uses for diffs',
      default: false,
    }),
    'link-base': linkBaseFlag,
  };

  async run(): Promise<StorageResult> {
    const { args, flags } = await this.parse(Convert);
    const markdown = args.file ? await readMarkdown(args.file) : await readStdin();
    const { convertMarkdown, normalizeStorage } = await import('@docgen/markdown-storage');
    const baseDir = args.file ? dirname(resolve(args.file)) : undefined;
    const linkBase = flags['link-base'] === undefined ? undefined : await expectLinkBase(flags['link-base']);
    const result = convertMarkdown(markdown, {
      dialect: flags.dialect as 'cloud' | 'datacenter',
      resolveAttachment: (src) => localAttachment(baseDir, src),
      ...(linkBase ? { resolveLink: (href: string) => absoluteLink(href, linkBase) } : {}),
    });
    const where = args.file ?? '<stdin>';
    if (!this.jsonEnabled()) {
      for (const warning of result.warnings)
        this.logToStderr(`warning ${where}:${warning.replace(/^line (\d+): /, '$1: ')}`);
      this.log(flags.normalized ? normalizeStorage(result.storage).trimEnd() : result.storage);
    }
    return result;
  }
}

async function readMarkdown(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DocgenError(
      {
        code: 'DG_CONVERT_INPUT_UNREADABLE',
        message:
          code === 'ENOENT'
            ? `no such file: ${file}`
            : code === 'EISDIR'
              ? `${file} is a folder; docgen convert takes a Markdown file`
              : `cannot read ${file}: ${(error as Error).message}`,
        location: { file },
        hint: 'pass the path of a Markdown file, or pipe Markdown on stdin with no argument',
      },
      { cause: error },
    );
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new DocgenError({
      code: 'DG_CONVERT_NO_INPUT',
      message: 'no Markdown to convert',
      hint: 'pass a file (docgen convert page.md) or pipe Markdown on stdin (cat page.md | docgen convert)',
    });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A relative source naming a file beside the Markdown becomes an attachment of the page. */
function localAttachment(baseDir: string | undefined, src: string): string | undefined {
  if (!baseDir) return undefined;
  try {
    const file = resolve(baseDir, decodeURIComponent(src));
    return statSync(file).isFile() ? basename(file) : undefined;
  } catch {
    return undefined;
  }
}
