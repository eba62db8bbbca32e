/** `docgen convert`: the real built CLI (run `npx tsc -b apps/cli` first), as a user runs it. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@docgen/test-support';

let dir: string;
let page: string;

interface ConvertResult {
  storage: string;
  attachments: string[];
  pageLinks: string[];
  warnings: Array<{ message: string; line?: number }>;
}

const MARKDOWN = `# Runbook

:::warning[On call]
Page the **owner** first.
:::

![Topology](./topology.svg) ![Missing](./missing.png)

\`\`\`ts
const retries = 3;
\`\`\`

- [ ] check the dashboard
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'docgen-convert-'));
  page = join(dir, 'runbook.md');
  writeFileSync(page, MARKDOWN);
  writeFileSync(join(dir, 'topology.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docgen convert', () => {
  it('prints the storage XHTML of a file, with images beside it as attachments', async () => {
    const { code, stdout, stderr } = await runCli(['convert', page]);
    expect(code).toBe(0);
    expect(stdout).toContain('<h1>Runbook</h1>');
    expect(stdout).toContain(
      '<ac:structured-macro ac:name="warning"><ac:parameter ac:name="title">On call</ac:parameter><ac:rich-text-body><p>Page the <strong>owner</strong> first.</p></ac:rich-text-body></ac:structured-macro>',
    );
    expect(stdout).toContain('<ac:image ac:alt="Topology"><ri:attachment ri:filename="topology.svg" /></ac:image>');
    expect(stdout).toContain('<ac:parameter ac:name="language">typescript</ac:parameter>');
    expect(stdout).toContain('<ac:task-status>incomplete</ac:task-status>');
    // The missing image stays a URL, and the user is told where.
    expect(stdout).toContain('<ri:url ri:value="./missing.png" />');
    expect(stderr).toContain(`warning DG_CONVERT ${page}:7: image ./missing.png is relative but not an attachment`);
    expect(stderr).toContain(`  → add ./missing.png to ${dir} (convert attaches the files beside the Markdown)`);
  });

  it('makes a link to another Markdown file beside it a link to that page, by its title, with its heading anchor', async () => {
    writeFileSync(
      join(dir, 'deploy.md'),
      '# Deploy guide\n\n| Step | Command |\n| --- | --- |\n| ship | `kubectl apply -f k8s/` |\n\n' +
        'See [the runbook](runbook.md), [its checklist](./on-call.md#check-the-dashboard), ' +
        '[the FAQ](faq%20notes.md) and [a page not written yet](later.md).\n',
    );
    writeFileSync(join(dir, 'on-call.md'), '# On call\n\n## Check the dashboard\n');
    // A title from front matter wins over the first heading; a `# comment` in a code fence is no heading.
    writeFileSync(join(dir, 'faq notes.md'), '---\ntitle: "Deploy FAQ"\n---\n```sh\n# not a title\n```\n# Questions\n');
    const { code, stdout, stderr } = await runCli(['convert', join(dir, 'deploy.md'), '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { storage: string; attachments: string[]; pageLinks: string[] };
    expect(result.pageLinks).toEqual(['Runbook', 'On call', 'Deploy FAQ']);
    expect(result.attachments).toEqual([]); // the .md files are pages, not files to upload
    expect(result.storage).toContain(
      '<ac:link><ri:page ri:content-title="Runbook" /><ac:plain-text-link-body><![CDATA[the runbook]]></ac:plain-text-link-body></ac:link>',
    );
    // GitHub's slug of the heading, as Confluence anchors it on that page.
    expect(result.storage).toContain('<ac:link ac:anchor="Checkthedashboard"><ri:page ri:content-title="On call" />');
    expect(result.storage).toContain('<a href="later.md">a page not written yet</a>');
    expect(stderr).toBe('');
  });

  it('makes a link written without .md, as a docs site links its pages, a link to the Markdown file there', async () => {
    // A Docusaurus or VitePress docs folder: `../guides/routing` is guides/routing.md, `../guides/data/`
    // its folder's index.md, `../api` api/README.md; a file of that name is a file, not a page.
    const docs = join(dir, 'site-docs');
    // In its repository: convert reads no file out of it (without one, out of the file's own folder).
    for (const folder of ['.git', 'start', 'guides/data', 'api']) mkdirSync(join(docs, folder), { recursive: true });
    writeFileSync(join(docs, 'guides', 'routing.md'), '# Routing\n\n## Nested routes\n');
    writeFileSync(join(docs, 'guides', 'data', 'index.md'), '# Data loading\n');
    writeFileSync(join(docs, 'api', 'README.md'), '# API reference\n');
    writeFileSync(join(docs, 'start', 'LICENSE'), 'MIT');
    writeFileSync(join(docs, 'start', 'LICENSE.md'), '# License page\n');
    writeFileSync(join(docs, 'start', 'logo.png'), 'png');
    const page = join(docs, 'start', 'installation.md');
    writeFileSync(
      page,
      '# Installation\n\nRead [routing](../guides/routing), [nested routes](../guides/routing#nested-routes),\n' +
        '[routing again](../guides/routing/), [data](../guides/data/), [the API](../api) and [upgrading](./upgrading).\n\n' +
        '[The logo](./logo.png) and [the license](./LICENSE) are files.\n',
    );
    const { code, stdout } = await runCli(['convert', page, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as ConvertResult;
    expect(result.pageLinks).toEqual(['Routing', 'Data loading', 'API reference']);
    expect(result.storage).toContain(
      '<ac:link><ri:page ri:content-title="Routing" /><ac:plain-text-link-body><![CDATA[routing]]></ac:plain-text-link-body></ac:link>',
    );
    expect(result.storage).toContain('<ac:link ac:anchor="Nestedroutes"><ri:page ri:content-title="Routing" />');
    expect(result.storage).toContain(
      '<ri:page ri:content-title="Routing" /><ac:plain-text-link-body><![CDATA[routing again]]>',
    );
    expect(result.attachments).toEqual(['logo.png', 'LICENSE']);
    // No page there by any of those names: the link stays, with the converter's warning.
    expect(result.storage).toContain('<a href="./upgrading">upgrading</a>');
    expect(result.warnings.map(({ message, line }) => ({ message, line }))).toEqual([
      {
        message: expect.stringMatching(
          /^link to \.\/upgrading is relative but neither a page of this tree nor an attachment/,
        ),
        line: 4,
      },
    ]);
  });

  it("reads a path from the root (/docs/api.md, /images/logo.png) from the repository's root, as GitHub does", async () => {
    const repository = join(dir, 'repository');
    for (const folder of ['.git', 'docs/guides', 'images']) mkdirSync(join(repository, folder), { recursive: true });
    writeFileSync(join(repository, 'docs', 'api.md'), '# API\n\n## Endpoints\n');
    writeFileSync(join(repository, 'images', 'logo.png'), 'png');
    const page = join(repository, 'docs', 'guides', 'routing.md');
    writeFileSync(
      page,
      '# Routing\n\nSee [the endpoints](/docs/api.md#endpoints). ![Logo](/images/logo.png)\n\n' +
        // Not the machine's own files: a path from the root is the repository's.
        '[Hosts](/etc/hosts) ![Passwords](/etc/passwd) ![Missing](/images/missing.png)\n',
    );
    const printed = await runCli(['convert', page]);
    expect(printed.stderr).toContain(
      `→ add images/missing.png to ${realpathSync(repository)} (a path from / is read from the repository's root)`,
    );
    const { code, stdout } = await runCli(['convert', page, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as ConvertResult;
    expect(result.storage).toContain('<ac:link ac:anchor="Endpoints"><ri:page ri:content-title="API" />');
    expect(result.pageLinks).toEqual(['API']);
    expect(result.attachments).toEqual(['logo.png']);
    expect(result.storage).toContain('<a href="/etc/hosts">Hosts</a>');
  });

  it('reads no file out of the repository: a relative path that climbs out is no attachment nor page, and is warned about', async () => {
    const outside = join(dir, 'outside');
    const repository = join(dir, 'climbing');
    mkdirSync(outside);
    for (const folder of ['.git', 'docs']) mkdirSync(join(repository, folder), { recursive: true });
    writeFileSync(join(outside, 'hostname'), 'build-runner-7\n');
    writeFileSync(join(outside, 'notes.md'), '# Private notes\n');
    writeFileSync(join(repository, 'docs', 'diagram.png'), 'png');
    const page = join(repository, 'docs', 'guide.md');
    writeFileSync(
      page,
      '# Guide\n\n![Host](../../outside/hostname) ![Diagram](diagram.png)\n\nSee [the notes](../../outside/notes.md).\n',
    );
    const { code, stdout } = await runCli(['convert', page, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as ConvertResult;
    // Before: hostname was attached, and the notes linked as the page "Private notes".
    expect(result.attachments).toEqual(['diagram.png']);
    expect(result.pageLinks).toEqual([]);
    expect(result.warnings.map((warning) => [warning.line, warning.message])).toEqual([
      [3, 'image ../../outside/hostname is relative but not an attachment of this page: it will not display'],
      [5, expect.stringMatching(/^link to \.\.\/\.\.\/outside\/notes\.md is relative but neither a page/)],
    ]);
    const printed = await runCli(['convert', page]);
    expect(printed.stderr).toContain(
      `→ ../../outside/hostname is outside ${realpathSync(repository)}, the repository holding the Markdown, which is all convert reads from: move the file into it, or link an absolute URL`,
    );
  });

  it('reads a loose file (no repository, no project) from the folder it runs in: ../img is an attachment there, not from elsewhere', async () => {
    const loose = join(dir, 'loose');
    for (const folder of ['guide', 'img']) mkdirSync(join(loose, folder), { recursive: true });
    writeFileSync(join(loose, 'img', 'x.png'), 'png');
    const page = join(loose, 'guide', 'page.md');
    writeFileSync(page, '# Page\n\n![X](../img/x.png)\n');
    // Run from the folder that holds both: a review found ../img refused once convert kept to the repository.
    const fromLoose = JSON.parse((await runCli(['convert', page, '--json'], { cwd: loose })).stdout) as ConvertResult;
    expect([fromLoose.attachments, fromLoose.warnings]).toEqual([['x.png'], []]);
    // Run from the page's own folder, nothing above it is read.
    const fromGuide = JSON.parse(
      (await runCli(['convert', page, '--json'], { cwd: join(loose, 'guide') })).stdout,
    ) as ConvertResult;
    expect(fromGuide.attachments).toEqual([]);
  });

  it('warns at a link to a heading the linked Markdown file does not have, with the one meant', async () => {
    const ops = join(dir, 'ops'); // its own folder: the other tests' runbook.md stays as it is
    mkdirSync(ops);
    writeFileSync(join(ops, 'runbook.md'), '# Runbook\n\n## Restart the service\n\n::anchor[escalation]\n');
    const index = join(ops, 'index.md');
    writeFileSync(
      index,
      '# Ops\n\nSee [restart](runbook.md#restart-the-servce),\n[escalate](runbook.md#escalation) and [x](runbook.md#nope).\n',
    );
    const { code, stderr } = await runCli(['convert', index]);
    expect(code).toBe(0);
    expect(stderr).toContain(
      `warning DG_CONVERT ${index}:3: link to #restart-the-servce on page "Runbook": no heading or anchor with that name there; did you mean #restart-the-service?`,
    );
    expect(stderr).toContain(
      `warning DG_CONVERT ${index}:4: link to #nope on page "Runbook": no heading or anchor with that name there\n`,
    );
    expect(stderr).not.toContain('#escalation'); // a declared anchor is there
  });

  it('warns at an Obsidian link to a heading the linked note does not have, as at a Markdown link', async () => {
    const vault = join(dir, 'vault'); // its own folder: the other tests' notes stay as they are
    mkdirSync(vault);
    writeFileSync(join(vault, 'Runbook.md'), '# Runbook\n\n## Restart the service\n');
    const index = join(vault, 'Home.md');
    writeFileSync(
      index,
      '# Home\n\nSee [[Runbook#Restart the servce]],\n[[Runbook#Restart the service]] and [[Runbook#Nope]].\n',
    );
    const { code, stdout, stderr } = await runCli(['convert', index]);
    expect(code).toBe(0);
    expect(stderr).toContain(
      `warning DG_CONVERT ${index}:3: link to #Restart the servce on page "Runbook": no heading or anchor with that name there; did you mean #Restart the service?`,
    );
    expect(stderr).toContain(
      `warning DG_CONVERT ${index}:4: link to #Nope on page "Runbook": no heading or anchor with that name there\n`,
    );
    expect(stderr).not.toContain('#Restart the service on'); // that heading is there
    // The link still goes to the page, at the anchor Confluence would give such a heading.
    expect(stdout).toContain('<ac:link ac:anchor="Nope"><ri:page ri:content-title="Runbook" />');
  });

  it("finds the file of an image or link written with GitHub's ?raw=true or ?plain=1", async () => {
    // A README's screenshot `docs/screen.png?raw=true` and a link to a page's source view.
    writeFileSync(join(dir, 'screen.png'), 'png');
    writeFileSync(join(dir, 'setup.md'), '# Setup\n\n## Install\n');
    writeFileSync(
      join(dir, 'readme.md'),
      '# Tool\n\n![Screen](./screen.png?raw=true) and ![Screen](screen.png?raw=true#gh-light-mode-only)\n\n' +
        'See [install](setup.md?plain=1#install).\n',
    );
    const { code, stdout } = await runCli(['convert', join(dir, 'readme.md'), '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { storage: string; attachments: string[]; warnings: unknown[] };
    expect(result.warnings).toEqual([]);
    expect(result.attachments).toEqual(['screen.png']);
    expect(result.storage).toContain('<ac:image ac:alt="Screen"><ri:attachment ri:filename="screen.png" /></ac:image>');
    expect(result.storage).toContain('<ac:link ac:anchor="Install"><ri:page ri:content-title="Setup" />');
  });

  it('reads stdin when no file is given', async () => {
    const { code, stdout } = await runCli(['convert'], { input: 'Hello *world* <script>x</script>\n' });
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('<p>Hello <em>world</em> &lt;script&gt;x&lt;/script&gt;</p>');
  });

  it('answers --json with storage, attachments, page links and warnings', async () => {
    const { code, stdout } = await runCli(['convert', page, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      storage: string;
      attachments: string[];
      pageLinks: string[];
      warnings: unknown[];
    };
    expect(result.attachments).toEqual(['topology.svg']);
    expect(result.pageLinks).toEqual([]);
    // As the generators list warnings: the line a field, not inside the message, and what to do.
    expect(result.warnings).toEqual([
      {
        code: 'DG_CONVERT',
        message: 'image ./missing.png is relative but not an attachment of this page: it will not display',
        file: page,
        line: 7,
        hint: `add ./missing.png to ${dir} (convert attaches the files beside the Markdown), or link an absolute URL`,
      },
    ]);
    expect(result.storage.startsWith('<h1>Runbook</h1>\n')).toBe(true);
  });

  it('--json from stdin: a warning names <stdin> and says to pass the file', async () => {
    const { code, stdout } = await runCli(['convert', '--json'], { input: 'Intro\n\n![Flow](./flow.png)\n' });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).ok).toBe(true);
    expect(JSON.parse(stdout).warnings).toEqual([
      expect.objectContaining({
        code: 'DG_CONVERT',
        file: '<stdin>',
        line: 3,
        hint: expect.stringContaining('pass the file instead of stdin'),
      }),
    ]);
  });

  it('uses the Data Center language list with --dialect datacenter', async () => {
    const { code, stdout } = await runCli(['convert', '--dialect', 'datacenter'], {
      input: '```ts\nlet a = 1;\n```\n',
    });
    expect(code).toBe(0);
    expect(stdout).toContain('<ac:parameter ac:name="language">javascript</ac:parameter>');
  });

  it('rejects an unknown dialect', async () => {
    const { code, stderr } = await runCli(['convert', '--dialect', 'server'], { input: 'x' });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/Expected --dialect=server to be one of: cloud, datacenter/);
  });

  it('prints the normalized diff form with --normalized', async () => {
    const { code, stdout } = await runCli(['convert', '--normalized'], { input: '# Title\n\nSome *text*.\n' });
    expect(code).toBe(0);
    expect(stdout).toBe('<h1>Title</h1>\n<p>Some <em>text</em>.</p>\n');
  });

  it('names the file and the next step when the input is missing', async () => {
    const missing = join(dir, 'nope.md');
    const { code, stdout, stderr } = await runCli(['convert', missing]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`error DG_CONVERT_INPUT_UNREADABLE ${missing}: no such file: ${missing}`);
    expect(stderr).toContain('pass the path of a Markdown file');
  });

  it('says a folder is one, not EISDIR', async () => {
    const { code, stdout } = await runCli(['convert', dir, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).error).toMatchObject({
      code: 'DG_CONVERT_INPUT_UNREADABLE',
      message: `${dir} is a folder; docgen convert takes a Markdown file`,
    });
  });
});
