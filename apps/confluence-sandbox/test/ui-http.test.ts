import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '@docgen/confluence-sandbox';
import { Api, attachmentForm } from './http.js';

// The preview UI over plain HTTP (the Chromium test covers what a browser sees).
describe('preview UI routes', () => {
  let sandbox: Sandbox;
  let api: Api;
  let pageId: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    api = new Api(sandbox.url);
    const page = await api.createPage('UI <Page>', '<p>one</p>');
    pageId = page.body.id;
    await api.updatePage(
      pageId,
      'UI <Page>',
      '<p>two</p><ac:image><ri:attachment ri:filename="pic.svg"/></ac:image>',
      2,
    );
    await api.post(
      `/rest/api/content/${pageId}/child/attachment`,
      attachmentForm('pic.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml'),
      {
        'X-Atlassian-Token': 'no-check',
      },
    );
  });
  afterAll(() => sandbox.close());

  const html = async (path: string) => {
    const response = await fetch(sandbox.url + path, { redirect: 'follow' });
    return {
      status: response.status,
      url: response.url,
      type: response.headers.get('content-type'),
      csp: response.headers.get('content-security-policy'),
      text: await response.text(),
    };
  };

  it('lists spaces with connection details and no tokens', async () => {
    const home = await html('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('href="/ui/spaces/DEV"');
    expect(home.text).toContain(`${sandbox.url}/wiki/api/v2`);
    expect(home.text).not.toContain('sandbox-token');
    expect(home.csp).toContain("default-src 'none'");
  });

  it('renders a page with escaped title, its tree and its image from the attachment', async () => {
    const page = await html(`/ui/pages/${pageId}`);
    expect(page.text).toContain('<h1 class="page-title">UI &lt;Page&gt;</h1>');
    expect(page.text).toContain(`<img class="confluence-image" src="/ui/attachments/${pageId}/pic.svg"`);
    expect(page.text).toMatch(/class="current" aria-current="page">UI &lt;Page&gt;</);
    const image = await fetch(`${sandbox.url}/ui/attachments/${pageId}/pic.svg`);
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
  });

  it("shows an included page's body in place, its image from the included page's own attachment", async () => {
    const host = await api.createPage(
      'Includes UI Page',
      '<ac:structured-macro ac:name="include"><ac:parameter ac:name=""><ac:link><ri:page ri:content-title="UI &lt;Page&gt;"/></ac:link></ac:parameter></ac:structured-macro>',
    );
    const page = await html(`/ui/pages/${host.body.id}`);
    expect(page.text).toContain(`Included from <a class="page-link" href="/ui/pages/${pageId}">UI &lt;Page&gt;</a>`);
    expect(page.text).toContain('<p>two</p>');
    expect(page.text).toContain(`<img class="confluence-image" src="/ui/attachments/${pageId}/pic.svg"`);
  });

  // docgen links a heading by Confluence's anchor: its text without spaces, `.1` for a repeat.
  it('lands heading and anchor links on their target, on the page and from another page', async () => {
    const target = await api.createPage(
      'Anchored Guide',
      '<h1>Intro</h1><p>See <ac:link ac:anchor="GettingStarted"><ac:plain-text-link-body><![CDATA[setup]]></ac:plain-text-link-body></ac:link>, <ac:link ac:anchor="GettingStarted.1"><ac:plain-text-link-body><![CDATA[again]]></ac:plain-text-link-body></ac:link> and <ac:link ac:anchor="footnote-1"><ac:plain-text-link-body><![CDATA[1]]></ac:plain-text-link-body></ac:link>.</p>' +
        '<h2>Getting Started</h2><p>a</p><h2>Getting Started</h2><p>b</p>' +
        '<ol><li><ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">footnote-1</ac:parameter></ac:structured-macro>note</li></ol>',
    );
    const source = await api.createPage(
      'Links To Guide',
      '<p><ac:link ac:anchor="GettingStarted"><ri:page ri:content-title="Anchored Guide"/><ac:plain-text-link-body><![CDATA[guide]]></ac:plain-text-link-body></ac:link></p>',
    );
    const page = (await html(`/ui/pages/${target.body.id}`)).text;
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    const localTargets = [...page.matchAll(/<a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(localTargets).toEqual(['GettingStarted', 'GettingStarted.1', 'footnote-1']);
    for (const id of localTargets) expect(ids).toContain(id);
    const other = (await html(`/ui/pages/${source.body.id}`)).text;
    expect(other).toContain(`href="/ui/pages/${target.body.id}#GettingStarted"`);
  });

  // docgen (like Confluence) stores a nested task list as a sibling `ac:task-list` after its parent task.
  it('shows nested task lists under their parent task', async () => {
    const task = (done: boolean, body: string) =>
      `<ac:task><ac:task-status>${done ? 'complete' : 'incomplete'}</ac:task-status><ac:task-body>${body}</ac:task-body></ac:task>`;
    const created = await api.createPage(
      'Nested Tasks',
      `<ac:task-list>${task(true, 'parent task')}<ac:task-list>${task(false, 'child task')}${task(true, 'child two')}</ac:task-list>${task(false, 'second')}</ac:task-list>`,
    );
    const page = (await html(`/ui/pages/${created.body.id}`)).text;
    const list = page.slice(page.indexOf('<ul class="task-list">'), page.indexOf('<section class="meta">'));
    expect([...list.matchAll(/<input type="checkbox" disabled( checked)?>/g)].map((m) => Boolean(m[1]))).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(list).toMatch(/parent task<\/span><ul class="task-list"><li class="task">.*child task/);
  });

  // docgen writes ~~strike~~ and aligned table columns as Confluence stores them: inline styles.
  it('keeps strikethrough, alignment and colour styles, and drops any other style', async () => {
    const created = await api.createPage(
      'Styled Text',
      '<p>Old <span style="text-decoration: line-through;">price</span> <span style="color: rgb(255,0,0);">red</span></p>' +
        '<table><tbody><tr><th><p style="text-align: right;">Amount</p></th></tr></tbody></table>' +
        '<p style="background: url(/ui/pages/1); position: fixed; text-align: center;">x</p>',
    );
    const page = (await html(`/ui/pages/${created.body.id}`)).text;
    expect(page).toContain('Old <span style="text-decoration: line-through;">price</span>');
    expect(page).toContain('<span style="color: rgb(255,0,0);">red</span>');
    expect(page).toContain('<th><p style="text-align: right;">Amount</p></th>');
    expect(page).toContain('<p style="text-align: center;">x</p>');
  });

  // docgen leaves an image it could not attach as its written path; Confluence shows a broken image.
  it('says which image it cannot show rather than dropping it', async () => {
    const created = await api.createPage(
      'Broken Image',
      '<p><ac:image ac:alt="Deploy flow"><ri:url ri:value="./diagrams/deploy.png" /></ac:image></p>',
    );
    const page = (await html(`/ui/pages/${created.body.id}`)).text;
    expect(page).toContain(
      '<span class="missing-attachment" title="Image not shown">🖼 Deploy flow (./diagrams/deploy.png: not an address the page can load)</span>',
    );
  });

  // `:::excerpt{hidden=true}`: the summary other pages include, which Confluence does not show on its own page.
  it('hides a hidden excerpt and shows a visible one', async () => {
    const excerpt = (hidden: string, text: string) =>
      `<ac:structured-macro ac:name="excerpt"><ac:parameter ac:name="hidden">${hidden}</ac:parameter><ac:rich-text-body><p>${text}</p></ac:rich-text-body></ac:structured-macro>`;
    const created = await api.createPage(
      'Excerpts',
      `<p>Intro.</p>${excerpt('true', 'Secret summary.')}${excerpt('false', 'Shown summary.')}`,
    );
    const page = (await html(`/ui/pages/${created.body.id}`)).text;
    expect(page).not.toContain('Secret summary.');
    expect(page).toContain('<div class="excerpt"><p>Shown summary.</p></div>');
  });

  // `:::panel{bgColor=… borderColor=… …}` and `:::info{icon=false}`, as docgen writes them.
  it("shows a panel's colours and border, and no icon when it has none", async () => {
    const parameter = (name: string, value: string) => `<ac:parameter ac:name="${name}">${value}</ac:parameter>`;
    const created = await api.createPage(
      'Panel Styles',
      `<ac:structured-macro ac:name="panel">${parameter('bgColor', '#eae6ff')}${parameter('borderColor', '#998dd9')}${parameter('titleBGColor', '#403294')}${parameter('titleColor', 'white')}${parameter('borderStyle', 'dashed')}${parameter('title', 'Styled')}<ac:rich-text-body><p>Body.</p></ac:rich-text-body></ac:structured-macro>` +
        `<ac:structured-macro ac:name="info">${parameter('icon', 'false')}<ac:rich-text-body><p>No icon.</p></ac:rich-text-body></ac:structured-macro>` +
        `<ac:structured-macro ac:name="panel">${parameter('bgColor', 'url(/x)')}<ac:rich-text-body><p>Plain.</p></ac:rich-text-body></ac:structured-macro>`,
    );
    const page = (await html(`/ui/pages/${created.body.id}`)).text;
    expect(page).toContain(
      '<div class="panel panel-panel" role="note" style="background-color: #eae6ff; border-color: #998dd9; border-style: dashed;"><div class="panel-body"><p class="panel-title" style="background-color: #403294; color: white;">Styled</p><p>Body.</p>',
    );
    expect(page).toContain('<div class="panel panel-info" role="note"><div class="panel-body"><p>No icon.</p>');
    expect(page).toContain('<div class="panel panel-panel" role="note"><div class="panel-body"><p>Plain.</p>');
  });

  // `:::children{depth=2}` / `{all=true}`: Confluence lists the grandchildren under each child.
  it('lists the levels of child pages the children macro asks for', async () => {
    const macro = (parameter: string) => `<ac:structured-macro ac:name="children">${parameter}</ac:structured-macro>`;
    const index = await api.createPage(
      'Children Index',
      macro('<ac:parameter ac:name="depth">2</ac:parameter>') +
        macro('<ac:parameter ac:name="all">true</ac:parameter>') +
        macro(''),
    );
    const child = await api.createPage('Children Child', '<p>c</p>', { parentId: index.body.id });
    const grandchild = await api.createPage('Children Grandchild', '<p>g</p>', { parentId: child.body.id });
    const great = await api.createPage('Children Great', '<p>g</p>', { parentId: grandchild.body.id });
    const link = (page: { body: { id: string } }, title: string) => `<a href="/ui/pages/${page.body.id}">${title}</a>`;
    const page = (await html(`/ui/pages/${index.body.id}`)).text;
    const lists = [...page.matchAll(/<ul class="children-macro">.*?<\/ul>(?!<\/li>)(?:<\/li><\/ul>)*/g)].map(
      (m) => m[0],
    );
    expect(lists).toEqual([
      `<ul class="children-macro"><li>${link(child, 'Children Child')}<ul><li>${link(grandchild, 'Children Grandchild')}</li></ul></li></ul>`,
      `<ul class="children-macro"><li>${link(child, 'Children Child')}<ul><li>${link(grandchild, 'Children Grandchild')}<ul><li>${link(great, 'Children Great')}</li></ul></li></ul></li></ul>`,
      `<ul class="children-macro"><li>${link(child, 'Children Child')}</li></ul>`,
    ]);
  });

  // `:::toc{exclude=… type=flat separator=pipe}`, as docgen passes them on to Confluence's toc macro.
  it("applies the toc macro's include, exclude and flat layout", async () => {
    const toc = (parameters: Record<string, string>) =>
      `<ac:structured-macro ac:name="toc">${Object.entries(parameters)
        .map(([name, value]) => `<ac:parameter ac:name="${name}">${value}</ac:parameter>`)
        .join('')}</ac:structured-macro>`;
    const created = await api.createPage(
      'Toc Options',
      toc({ exclude: 'Change.*' }) +
        toc({ include: '^(Usage|Setup)$' }) +
        toc({ type: 'flat', separator: 'pipe' }) +
        toc({ exclude: '(S\\w*)+', maxLevel: '1' }) +
        '<h1>Setup</h1><h2>Usage</h2><h2>Changelog</h2>',
    );
    const page = (await html(`/ui/pages/${created.body.id}`)).text;
    const tocs = [...page.matchAll(/<nav class="toc[^"]*">(.*?)<\/nav>/g)].map((m) =>
      m[1]!
        .replace(/<a href="#[^"]*">|<\/a>/g, '')
        .replace(/<li class="toc-level-\d">|<\/li>|<\/?ul>/g, ' ')
        .trim(),
    );
    // A pattern that could backtrack without end is not applied.
    expect(tocs).toEqual(['Setup  Usage', 'Setup  Usage', 'Setup | Usage | Changelog', 'Setup']);
  });

  it("links an attachment of another page to that page's file", async () => {
    const linking = await api.createPage(
      'Links Another Attachment',
      '<p><ac:link><ri:attachment ri:filename="pic.svg"><ri:page ri:content-title="UI &lt;Page&gt;"/></ri:attachment><ac:plain-text-link-body><![CDATA[the picture]]></ac:plain-text-link-body></ac:link></p>',
    );
    const page = (await html(`/ui/pages/${linking.body.id}`)).text;
    expect(page).toContain(`<a href="/ui/attachments/${pageId}/pic.svg">the picture</a>`);
  });

  // Steps split by a code block: docgen numbers the second list on (`<ol start="2">`), as Markdown does.
  it('numbers an ordered list from its start', async () => {
    const created = await api.createPage(
      'Numbered Steps',
      '<ol><li>Install</li></ol><ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[npm i]]></ac:plain-text-body></ac:structured-macro><ol start="2"><li>Run</li></ol><ol start="x"><li>Odd</li></ol>',
    );
    const page = (await html(`/ui/pages/${created.body.id}`)).text;
    expect(page).toContain('<ol start="2"><li>Run</li></ol>');
    expect(page).toContain('<ol><li>Odd</li></ol>');
  });

  // `![Flow](flow.svg "Checkout flow")`: docgen writes the title as ac:title, which Confluence shows on hover.
  it("shows an image's title on hover", async () => {
    const created = await api.createPage(
      'Image Title',
      '<p><ac:image ac:alt="Flow" ac:title="Checkout &quot;flow&quot;"><ri:url ri:value="https://example.com/flow.svg" /></ac:image></p>',
    );
    const page = (await html(`/ui/pages/${created.body.id}`)).text;
    expect(page).toContain(
      '<img class="confluence-image" src="https://example.com/flow.svg" alt="Flow" title="Checkout &quot;flow&quot;">',
    );
  });

  // docgen names Visual Basic `visualbasic` for Cloud's code block.
  it('highlights a Visual Basic code block', async () => {
    const created = await api.createPage(
      'Visual Basic Code',
      '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">visualbasic</ac:parameter><ac:plain-text-body><![CDATA[Dim total As Integer = 1]]></ac:plain-text-body></ac:structured-macro>',
    );
    const page = (await html(`/ui/pages/${created.body.id}`)).text;
    expect(page).toContain('<code class="hljs language-vbnet"><span class="hljs-keyword">Dim</span>');
  });

  it('redirects Confluence webui links into the preview', async () => {
    const rest = await api.get(`/wiki/api/v2/pages/${pageId}`);
    const page = await html(`/wiki${rest.body._links.webui}`);
    expect(new URL(page.url).pathname).toBe(`/ui/pages/${pageId}`);
    expect(new URL((await html('/wiki/spaces/DEV')).url).pathname).toBe(
      `/ui/pages/${(await api.devSpace()).homepageId}`,
    );
  });

  it('shows history, old versions and diffs', async () => {
    const history = await html(`/ui/pages/${pageId}/history`);
    expect(history.text).toContain(`href="/ui/pages/${pageId}?version=1"`);
    expect(history.text).toContain(`/ui/pages/${pageId}/diff?from=1&amp;to=2`);
    const old = await html(`/ui/pages/${pageId}?version=1`);
    expect(old.text).toContain('You are viewing an old version of this page (v1)');
    expect(old.text).toContain('<p>one</p>');
    const diff = await html(`/ui/pages/${pageId}/diff?from=1&to=2`);
    expect(diff.text).toContain('<div class="del">- &lt;p&gt;one&lt;/p&gt;</div>');
    expect(diff.text).toContain('<div class="add">+ &lt;p&gt;two&lt;/p&gt;</div>');
  });

  // A line diff costs time with the number of changes times the length (Myers): a big page whose
  // rows were reordered kept the sandbox (API included) busy for minutes.
  it('diffs a big page rewritten from end to start quickly, every changed row shown', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `<tr><td>row ${i}</td><td>value ${i * 7}</td></tr>`);
    const table = (list: string[]) => `<table><tbody>${list.join('')}</tbody></table>`;
    const created = await api.createPage('Big Reordered Table', table(rows));
    expect((await api.updatePage(created.body.id, 'Big Reordered Table', table([...rows].reverse()), 2)).status).toBe(
      200,
    );
    const started = Date.now();
    const diff = await html(`/ui/pages/${created.body.id}/diff?from=1&to=2`);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(diff.status).toBe(200);
    expect(diff.text).toContain('<div class="del">- &lt;td&gt;row 0&lt;/td&gt;</div>');
    expect(diff.text).toContain('<div class="add">+ &lt;td&gt;row 0&lt;/td&gt;</div>');
    expect(diff.text).toContain('<div class="add">+ &lt;td&gt;row 1499&lt;/td&gt;</div>');
  }, 120_000);

  // A version can change nothing but where the page sits: the diff says so rather than "no changes".
  it('shows a move to another parent in the diff', async () => {
    const first = await api.createPage('Old Parent Section');
    const second = await api.createPage('New Parent Section');
    const moved = await api.createPage('Moving Page', '<p>same</p>', { parentId: first.body.id });
    const update = await api.put(`/wiki/api/v2/pages/${moved.body.id}`, {
      id: moved.body.id,
      status: 'current',
      title: 'Moving Page',
      parentId: second.body.id,
      body: { representation: 'storage', value: '<p>same</p>' },
      version: { number: 2 },
    });
    expect(update.status).toBe(200);
    const diff = (await html(`/ui/pages/${moved.body.id}/diff?from=1&to=2`)).text;
    expect(diff).toContain(
      `<p>Moved: from <a href="/ui/pages/${first.body.id}">Old Parent Section</a> to <a href="/ui/pages/${second.body.id}">New Parent Section</a></p>`,
    );
    expect(diff).toContain('No changes in the body.');
  });

  it("leads from a page's history and diffs back up its space and ancestors", async () => {
    const section = await api.createPage('Crumb Section');
    const child = await api.createPage('Crumb Child', '<p>1</p>', { parentId: section.body.id });
    await api.updatePage(child.body.id, 'Crumb Child', '<p>2</p>', 2);
    const space = await api.devSpace();
    const trail = `<div class="breadcrumbs"><a href="/ui/spaces/DEV">Development</a> / <a href="/ui/pages/${space.homepageId}">Development Home</a> / <a href="/ui/pages/${section.body.id}">Crumb Section</a> / <a href="/ui/pages/${child.body.id}">Crumb Child</a>`;
    expect((await html(`/ui/pages/${child.body.id}/history`)).text).toContain(`${trail}</div>`);
    expect((await html(`/ui/pages/${child.body.id}/diff?from=1&to=2`)).text).toContain(
      `${trail} / <a href="/ui/pages/${child.body.id}/history">History</a></div>`,
    );
  });

  it('shows three lines of context around a change, not the first and last lines of the page', async () => {
    const paragraphs = (changed: string) =>
      Array.from({ length: 20 }, (_, i) => `<p>${i === 10 ? changed : `para ${i}`}</p>`).join('');
    const created = await api.createPage('Context Diff', paragraphs('para 10'));
    await api.updatePage(created.body.id, 'Context Diff', paragraphs('para ten'), 2);
    const diff = (await html(`/ui/pages/${created.body.id}/diff?from=1&to=2`)).text;
    const shown = [...diff.matchAll(/<div class="(ctx|del|add|gap)">(.*?)<\/div>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(shown).toEqual([
      'gap … 7 unchanged lines …',
      'ctx   &lt;p&gt;para 7&lt;/p&gt;',
      'ctx   &lt;p&gt;para 8&lt;/p&gt;',
      'ctx   &lt;p&gt;para 9&lt;/p&gt;',
      'del - &lt;p&gt;para <del>10</del>&lt;/p&gt;',
      'add + &lt;p&gt;para <ins>ten</ins>&lt;/p&gt;',
      'ctx   &lt;p&gt;para 11&lt;/p&gt;',
      'ctx   &lt;p&gt;para 12&lt;/p&gt;',
      'ctx   &lt;p&gt;para 13&lt;/p&gt;',
      'gap … 6 unchanged lines …',
    ]);
  });

  // The tree and the page links need titles and ids only: reading every page's body made each
  // view cost as much as the whole space (an API reference of 20 pages of 3 MB: 20 times slower).
  it("views a small page in a space of big pages as fast as in an empty one (no page's body read for the tree or links)", async () => {
    const own = await startSandbox();
    const ownApi = new Api(own.url);
    try {
      const titles = Array.from({ length: 20 }, (_, i) => `Big Reference ${i}`);
      const links = titles.map((t) => `<ac:link><ri:page ri:content-title="${t}"/></ac:link>`).join(' ');
      const small = await ownApi.createPage('Small Overview', `<p>${links}</p>`);
      const view = async () => {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const started = performance.now();
          await (await fetch(`${own.url}/ui/pages/${small.body.id}`)).text();
          times.push(performance.now() - started);
        }
        return times.sort((a, b) => a - b)[2]!;
      };
      await view();
      const alone = await view();
      const big = `<p>${'lorem ipsum dolor sit amet '.repeat(110_000)}</p>`;
      for (const title of titles) expect((await ownApi.createPage(title, big)).status).toBe(200);
      const amongBig = await view();
      expect(amongBig).toBeLessThan(alone * 3 + 20);
    } finally {
      await own.close();
    }
  }, 120_000);

  // A sandbox serving as a Data Center has no Cloud v2 API: the preview's REST links must be its own.
  it("links a page's REST JSON that the sandbox answers, Cloud or Data Center", async () => {
    const dataCenter = await startSandbox({ dataCenterContextPath: '/wiki' });
    try {
      for (const [target, create] of [
        [sandbox, () => api.createPage('REST Linked Page')],
        [
          dataCenter,
          () =>
            new Api(dataCenter.url).post('/wiki/rest/api/content', {
              type: 'page',
              title: 'REST Linked Page',
              space: { key: 'DEV' },
              body: { storage: { value: '<p>x</p>', representation: 'storage' } },
            }),
        ],
      ] as const) {
        const created = await create();
        expect(created.status).toBe(200);
        const page = await (await fetch(`${target.url}/ui/pages/${created.body.id}`)).text();
        const links = [...page.matchAll(/<a href="([^"]*\/(?:rest|api)\/[^"]*)">/g)].map((m) =>
          m[1]!.replace(/&amp;/g, '&'),
        );
        expect(links.length).toBeGreaterThan(0);
        for (const link of links) {
          const answer = await new Api(target.url).get(link);
          expect([link, answer.status, answer.body?.title]).toEqual([link, 200, 'REST Linked Page']);
        }
      }
      const home = await (await fetch(`${dataCenter.url}/`)).text();
      expect(home).toContain(`<code>${dataCenter.url}/wiki/rest/api</code>`);
      expect(home).not.toContain('/wiki/api/v2');
    } finally {
      await dataCenter.close();
    }
  });

  it("links an old version's own JSON from its view", async () => {
    const old = (await html(`/ui/pages/${pageId}?version=1`)).text;
    const links = [...old.matchAll(/<a href="([^"]*\/(?:rest|api)\/[^"]*)">/g)].map((m) =>
      m[1]!.replace(/&amp;/g, '&'),
    );
    expect(links.length).toBe(2);
    for (const link of links) {
      const answer = await api.get(link);
      expect([link, answer.status, JSON.stringify(answer.body)]).toEqual([
        link,
        200,
        expect.stringContaining('<p>one</p>'),
      ]);
    }
  });

  // docgen promises no version that changes nothing: the history says what each version changed.
  it('says in the history what each version changed, and which changed nothing', async () => {
    const created = await api.createPage('Changes Listed', '<p>a</p>');
    const id = created.body.id;
    await api.updatePage(id, 'Changes Listed', '<p>a</p>', 2);
    await api.updatePage(id, 'Changes Listed', '<p>b</p>', 3);
    await api.updatePage(id, 'Changes Listed Renamed', '<p>b</p>', 4);
    const history = (await html(`/ui/pages/${id}/history`)).text;
    const changed = [...history.matchAll(/<td class="changed">(.*?)<\/td>/g)].map((m) => m[1]);
    expect(changed).toEqual(['title', 'body', '<strong>nothing</strong>', 'created']);
  });

  // A table cell or a paragraph is one long line: the diff marks the words that changed in it.
  it('marks the words that changed within a changed line', async () => {
    const created = await api.createPage('Word Diff', '<p>Get project HTTP tokens for the build.</p>');
    await api.updatePage(created.body.id, 'Word Diff', '<p>Get project HTTP access tokens for the build.</p>', 2);
    const diff = (await html(`/ui/pages/${created.body.id}/diff?from=1&to=2`)).text;
    expect(diff).toContain('<div class="del">- &lt;p&gt;Get project HTTP tokens for the build.&lt;/p&gt;</div>');
    expect(diff).toMatch(
      /<div class="add">\+ &lt;p&gt;Get project HTTP ?<ins> ?access ?<\/ins> ?tokens for the build\.&lt;\/p&gt;<\/div>/,
    );
  });

  it('answers 404 pages for what does not exist', async () => {
    expect((await html('/ui/pages/1')).status).toBe(404);
    expect((await html(`/ui/pages/${pageId}?version=9`)).status).toBe(404);
    expect((await html('/ui/spaces/NOPE')).status).toBe(404);
    expect((await fetch(`${sandbox.url}/ui/attachments/${pageId}/nope.png`)).status).toBe(404);
  });
});
