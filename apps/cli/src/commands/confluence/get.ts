import { Args, Flags } from '@oclif/core';
import { isDocgenError } from '@docgen/core';
import { DocgenCommand } from '../../docgen-command.js';
import { connectionFlags, withConfluence } from '../../publish-flags.js';

export default class ConfluenceGet extends DocgenCommand {
  static override summary = 'Print a page: its storage body, or Markdown with --markdown';
  static override examples = [
    '<%= config.bin %> confluence get 123456 --markdown',
    '<%= config.bin %> confluence get 123456 --json',
    '<%= config.bin %> confluence get https://acme.atlassian.net/wiki/spaces/DOCS/pages/123456/Runbook',
  ];
  static override args = {
    id: Args.string({
      description: 'Page id (the number in the page URL), or the page URL',
      required: true,
      parse: async (input) => pageIdOf(input),
    }),
  };
  static override flags = {
    ...connectionFlags,
    markdown: Flags.boolean({ summary: 'Convert the storage body to Markdown', default: false }),
  };

  async run(): Promise<{
    ok: true;
    id: string;
    title: string;
    version: number;
    parentId?: string;
    body: string;
    format: string;
  }> {
    const { args, flags } = await this.parse(ConfluenceGet);
    const json = this.jsonEnabled();
    return withConfluence(flags, this.progressLog(), async (api) => {
      const page = await api
        .getPage(args.id, { body: true })
        .catch((error: unknown) => Promise.reject(pageNotFound(error)));
      let body = page.body ?? '';
      let format = 'storage';
      if (flags.markdown) {
        // The converter's own reverse: what it reads back as the same storage (tables, panels, macros).
        const { storageToMarkdown } = await import('@docgen/markdown-storage');
        body = storageToMarkdown(body);
        format = 'markdown';
      }
      if (!json) {
        this.log(`# ${page.title}  (page ${page.id}, version ${page.version.number})\n`);
        this.log(body);
      }
      return {
        ok: true,
        id: page.id,
        title: page.title,
        version: page.version.number,
        parentId: page.parentId,
        body,
        format,
      };
    });
  }
}

/**
 * A page id, from the id itself or a page URL pasted from the browser: Cloud's
 * /wiki/spaces/KEY/pages/123456/Title (or …/pages/edit-v2/123456), Data Center's
 * viewpage.action?pageId=123456. Anything else asked the server for page "Read page 1", and said
 * it was not found.
 */
function pageIdOf(input: string): string {
  const id =
    /^\s*(\d+)\s*$/.exec(input)?.[1] ??
    /[?&]pageId=(\d+)|\/pages\/(?:edit(?:-v2)?\/)?(\d+)(?:[/?#]|$)/.exec(input)?.slice(1).find(Boolean);
  if (id) return id;
  // A title is the likeliest thing given instead: the search that finds its id, ready to run.
  const search = `docgen confluence search 'title = ${JSON.stringify(input.trim())}'`;
  const message = `"${input}" is not a page id: give the number in the page URL (…/pages/123456/…), or the URL itself; ${search} finds the id of the page of that title`;
  throw Object.assign(new Error(message), { oclif: { exit: 2 } }); // a usage error: DG_USAGE, exit 2
}

/**
 * A page id Confluence does not know (or the account may not view): the publisher's hint spoke of
 * "the space key / page id", and this command has no space; say where a page's id is found.
 */
function pageNotFound(error: unknown): unknown {
  if (!isDocgenError(error) || error.code !== 'DG_CONFLUENCE_NOT_FOUND') return error;
  return Object.assign(error, {
    hint: "check the page id (the number in the page URL, …/pages/123456/…) and that the account can view the page; `docgen confluence search 'title ~ \"…\"'` finds a page's id by its title",
  });
}
