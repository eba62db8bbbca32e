import { Args, Flags } from '@oclif/core';
import { DocgenCommand } from '../../docgen-command.js';
import { connectionFlags, withConfluence } from '../../publish-flags.js';

export default class ConfluenceGet extends DocgenCommand {
  static override summary = 'Print a page: its storage body, or Markdown with --markdown';
  static override examples = [
    '<%= config.bin %> confluence get 123456 --markdown',
    '<%= config.bin %> confluence get 123456 --json',
  ];
  static override args = { id: Args.string({ description: 'Page id (the number in the page URL)', required: true }) };
  static override flags = {
    ...connectionFlags,
    markdown: Flags.boolean({ summary: 'Convert the storage body to Markdown', default: false }),
  };

  async run(): Promise<{
    id: string;
    title: string;
    version: number;
    parentId?: string;
    body: string;
    format: string;
  }> {
    const { args, flags } = await this.parse(ConfluenceGet);
    const json = this.jsonEnabled();
    const log = { info: (line: string) => (json ? process.stderr.write(`${line}\n`) : this.log(line)) };
    return withConfluence(flags, log, async (api) => {
      const page = await api.getPage(args.id, { body: true });
      let body = page.body ?? '';
      let format = 'storage';
      if (flags.markdown) {
        const { storageToMarkdown } = await import('@docgen/publisher');
        body = await storageToMarkdown(body);
        format = 'markdown';
      }
      if (!json) {
        this.log(`# ${page.title}  (page ${page.id}, version ${page.version.number})\n`);
        this.log(body);
      }
      return { id: page.id, title: page.title, version: page.version.number, parentId: page.parentId, body, format };
    });
  }
}
