import type { FastifyInstance, FastifyReply } from 'fastify';
import { diffLines, diffWordsWithSpace, type ChangeObject } from 'diff';
import type { SandboxContext } from '../context.js';
import type { ContentRow, PageOutline, SpaceRow, VersionRow } from '../store/store.js';
import { renderStorage, type RenderContext } from './storage-render.js';
import { stylesheet } from './style.js';

// The preview UI: server-rendered HTML, no scripts, no build step, nothing from the network.
// It is read-only and unauthenticated: the sandbox binds to loopback for this reason.

const esc = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const pageUrl = (id: number) => `/ui/pages/${id}`;
const attachmentUrl = (pageId: number, filename: string) => `/ui/attachments/${pageId}/${encodeURIComponent(filename)}`;

function layout(title: string, main: string, sidebar = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · docgen sandbox</title><link rel="stylesheet" href="/ui/assets/style.css"></head>
<body><header class="top"><a href="/">docgen sandbox</a><span class="hint">local Confluence preview · read-only</span></header>
<div class="shell">${sidebar ? `<nav class="sidebar" aria-label="Page tree">${sidebar}</nav>` : ''}<main>${main}</main></div></body></html>`;
}

function send(reply: FastifyReply, html: string, status = 200) {
  return reply
    .code(status)
    .header(
      'Content-Security-Policy',
      "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; form-action 'self'",
    )
    .type('text/html; charset=utf-8')
    .send(html);
}

function when(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

export function registerUi(app: FastifyInstance, ctx: SandboxContext): void {
  const { store } = ctx;
  const userName = (accountId: string) => ctx.users.find((u) => u.accountId === accountId)?.displayName ?? accountId;

  const dataCenterPath = ctx.dataCenterContextPath;

  /**
   * Where the REST API answers with this page's JSON (of an old version, when one is shown): Cloud's
   * v2 and v1, or the Data Center's own (no v2 there).
   */
  const restLinks = (id: number, oldVersion?: number): string => {
    const version = oldVersion === undefined ? '' : `&amp;version=${oldVersion}`;
    const content = `/rest/api/content/${id}?expand=body.storage,version,ancestors${version}`;
    return dataCenterPath === undefined
      ? `<a href="/wiki/api/v2/pages/${id}?body-format=storage${version}">REST (v2)</a> · <a href="/wiki${content}">REST (v1)</a>`
      : `<a href="${esc(dataCenterPath)}${content}">REST (Data Center)</a>`;
  };

  /** The space's page tree, with the current page's ancestors open. */
  const tree = (space: SpaceRow, current?: ContentRow): string => {
    const pages = store.pageOutline(space.id);
    const byParent = new Map<number | null, PageOutline[]>();
    const present = new Set(pages.map((p) => p.id));
    for (const page of pages) {
      const key = page.parent_id != null && present.has(page.parent_id) ? page.parent_id : null;
      const siblings = byParent.get(key);
      if (siblings) siblings.push(page);
      else byParent.set(key, [page]);
    }
    for (const list of byParent.values()) list.sort((a, b) => (a.position ?? -1) - (b.position ?? -1) || a.id - b.id);
    const open = new Set(current ? [current.id, ...store.ancestors(current.id).map((a) => a.id)] : []);
    const branch = (parent: number | null, depth: number): string =>
      (byParent.get(parent) ?? [])
        .map((page) => {
          const link = `<a href="${pageUrl(page.id)}"${page.id === current?.id ? ' class="current" aria-current="page"' : ''}>${esc(page.title)}</a>`;
          const kids = byParent.get(page.id);
          if (!kids || depth > 30) return `<li class="leaf">${link}</li>`;
          const isOpen = open.has(page.id) || (parent === null && page.id === space.homepage_id);
          return `<li><details${isOpen ? ' open' : ''}><summary>${link}</summary><ul>${branch(page.id, depth + 1)}</ul></details></li>`;
        })
        .join('');
    return `<a class="space-name" href="/ui/spaces/${esc(space.key)}">${esc(space.name)}</a><h2>Pages</h2><ul class="tree">${branch(null, 0)}</ul>`;
  };

  app.get('/ui/assets/style.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'max-age=300').send(stylesheet),
  );

  app.get('/', async (request, reply) => {
    const origin = `http://${request.headers.host ?? '127.0.0.1'}`;
    const cards = store
      .listSpaces()
      .map((space) => {
        const count = store.pageCount(space.id);
        return `<div class="card"><h3><a href="/ui/spaces/${esc(space.key)}">${esc(space.name)}</a></h3><div class="key">${esc(space.key)} · ${count} page${count === 1 ? '' : 's'}</div></div>`;
      })
      .join('');
    const apis =
      dataCenterPath === undefined
        ? `<tr><th>Cloud REST v2</th><td><code>${esc(origin)}/wiki/api/v2</code></td></tr>
      <tr><th>Cloud REST v1</th><td><code>${esc(origin)}/wiki/rest/api</code></td></tr>
      <tr><th>Data Center REST</th><td><code>${esc(origin)}/rest/api</code></td></tr>`
        : `<tr><th>Data Center REST</th><td><code>${esc(origin)}${esc(dataCenterPath)}/rest/api</code></td></tr>`;
    const connect = `<section class="meta"><h2>Connect a client</h2><table class="list"><tbody>
      ${apis}
      <tr><th>Users</th><td>${ctx.users.map((u) => `<code>${esc(u.email)}</code>`).join(', ')} (Basic email:token or Bearer token; tokens are printed by <code>docgen sandbox start</code>)</td></tr>
      </tbody></table></section>`;
    return send(
      reply,
      layout('Spaces', `<h1 class="page-title">Spaces</h1><div class="cards">${cards}</div>${connect}`),
    );
  });

  app.get<{ Params: { key: string } }>('/ui/spaces/:key', async (request, reply) => {
    const space = store.spaceByKey(request.params.key);
    if (!space)
      return send(reply, layout('Not found', `<h1 class="page-title">No space ${esc(request.params.key)}</h1>`), 404);
    if (space.homepage_id) return reply.redirect(pageUrl(space.homepage_id));
    return send(reply, layout(space.name, `<h1 class="page-title">${esc(space.name)}</h1>`, tree(space)));
  });

  // Confluence's own web UI paths (`_links.webui`) land in the preview.
  app.get<{ Params: { key: string; id: string } }>('/wiki/spaces/:key/pages/:id/*', async (request, reply) =>
    reply.redirect(pageUrl(Number(request.params.id))),
  );
  app.get<{ Params: { key: string; id: string } }>('/wiki/spaces/:key/pages/:id', async (request, reply) =>
    reply.redirect(pageUrl(Number(request.params.id))),
  );
  app.get<{ Params: { key: string } }>('/wiki/spaces/:key', async (request, reply) =>
    reply.redirect(`/ui/spaces/${encodeURIComponent(request.params.key)}`),
  );
  app.get('/wiki', async (_request, reply) => reply.redirect('/'));

  const findPage = (raw: string): { page: ContentRow; space: SpaceRow } | undefined => {
    const page = /^\d+$/.test(raw) ? store.content(Number(raw)) : undefined;
    if (!page || page.type !== 'page' || page.status !== 'current') return undefined;
    return { page, space: store.spaceById(page.space_id)! };
  };

  /** The current page titled `title` in the space `spaceKey`, if both exist. */
  const pageTitled = (title: string, spaceKey: string): ContentRow | undefined => {
    const space = store.spaceByKey(spaceKey);
    return space ? store.pageByTitle(space.id, title) : undefined;
  };

  /** How a page's storage is rendered: its links, its own attachments and children, and the pages it includes. */
  const renderContext = (page: ContentRow, space: SpaceRow): RenderContext => ({
    spaceKey: space.key,
    resolvePage: (title, spaceKey) => {
      const target = store.spaceByKey(spaceKey);
      return target ? store.pageIdByTitle(target.id, title) : undefined;
    },
    attachmentUrl: (filename, ownerTitle, ownerSpace) => {
      const owner = ownerTitle ? pageTitled(ownerTitle, ownerSpace ?? space.key) : page;
      return owner && store.attachmentByName(owner.id, filename) ? attachmentUrl(owner.id, filename) : undefined;
    },
    children: (parentId) => store.childOutline(parentId ?? page.id),
    pageUrl,
    includedPage: (title, spaceKey) => {
      const included = pageTitled(title, spaceKey);
      return included
        ? {
            id: included.id,
            storage: included.body,
            context: renderContext(included, store.spaceById(included.space_id)!),
          }
        : undefined;
    },
  });

  /** The space and the page's ancestors, root first, as links; the page itself last when asked. */
  const breadcrumbs = (space: SpaceRow, page: ContentRow, self?: 'with the page'): string =>
    [
      `<a href="/ui/spaces/${esc(space.key)}">${esc(space.name)}</a>`,
      ...[...store.ancestors(page.id), ...(self ? [page] : [])].map(
        (a) => `<a href="${pageUrl(a.id)}">${esc(a.title)}</a>`,
      ),
    ].join(' / ');

  /** Where a version placed its page: a link to its parent, as titled now. */
  const parentLink = (parentId: number | null): string => {
    const parent = parentId == null ? undefined : store.content(parentId);
    if (!parent) return parentId == null ? 'the top of the space' : `a page that no longer exists (${parentId})`;
    return parent.status === 'current'
      ? `<a href="${pageUrl(parent.id)}">${esc(parent.title)}</a>`
      : `${esc(parent.title)} (${esc(parent.status)})`;
  };

  const notFound = (reply: FastifyReply, id: string) =>
    send(
      reply,
      layout('Not found', `<h1 class="page-title">Page not found</h1><p>No current page with id ${esc(id)}.</p>`),
      404,
    );

  app.get<{ Params: { id: string }; Querystring: { version?: string } }>('/ui/pages/:id', async (request, reply) => {
    const found = findPage(request.params.id);
    if (!found) return notFound(reply, request.params.id);
    const { page, space } = found;
    const versionNumber = request.query.version ? Number(request.query.version) : page.version;
    const version = store.version(page.id, versionNumber);
    if (!version) return notFound(reply, `${request.params.id} (version ${request.query.version})`);
    const rendered = renderStorage(version.body, renderContext(page, space));
    const old =
      version.number !== page.version
        ? `<div class="banner">You are viewing an old version of this page (v${version.number}). <a href="${pageUrl(page.id)}">View the current version</a> · <a href="${pageUrl(page.id)}/diff?from=${version.number}&amp;to=${page.version}">Compare with current</a></div>`
        : '';
    const attachments = store.children(page.id, 'attachment');
    const labels = store.labels(page.id);
    const meta = `<section class="meta">
      ${labels.length ? `<p class="labels">Labels: ${labels.map((l) => `<span class="label">${esc(l.name)}</span>`).join('')}</p>` : ''}
      ${attachments.length ? `<p>Attachments: ${attachments.map((a) => `<a href="${attachmentUrl(page.id, a.title)}">${esc(a.title)}</a> (${a.file_size} bytes, v${a.version})`).join(', ')}</p>` : ''}
      <p><a href="${pageUrl(page.id)}/history">Page history</a> · ${restLinks(page.id, version.number === page.version ? undefined : version.number)}</p></section>`;
    const main = `<div class="breadcrumbs">${breadcrumbs(space, page)}</div>
      <h1 class="page-title">${esc(version.title)}</h1>
      <div class="byline"><span>v${version.number}</span><span>Last updated by ${esc(userName(version.author_id))} on ${esc(when(version.created_at))}</span>${version.message ? `<span>“${esc(version.message)}”</span>` : ''}<a href="${pageUrl(page.id)}/history">History</a></div>
      ${old}<div class="wiki-content">${rendered.html}</div>${meta}`;
    return send(reply, layout(version.title, main, tree(space, page)));
  });

  app.get<{ Params: { id: string } }>('/ui/pages/:id/history', async (request, reply) => {
    const found = findPage(request.params.id);
    if (!found) return notFound(reply, request.params.id);
    const { page, space } = found;
    const versions = store.versions(page.id);
    const rows = versions
      .map((v, i) => {
        const previous = versions[i + 1];
        return `<tr><td><a href="${pageUrl(page.id)}?version=${v.number}">v${v.number}</a>${v.number === page.version ? ' (current)' : ''}</td><td>${esc(when(v.created_at))}</td><td>${esc(userName(v.author_id))}</td><td>${esc(v.message)}</td><td class="changed">${whatChanged(v, previous)}</td><td>${previous ? `<a href="${pageUrl(page.id)}/diff?from=${previous.number}&amp;to=${v.number}">Changes from v${previous.number}</a>` : ''}</td></tr>`;
      })
      .join('');
    const options = (selected: number) =>
      versions
        .map((v) => `<option value="${v.number}"${v.number === selected ? ' selected' : ''}>v${v.number}</option>`)
        .join('');
    const compare =
      versions.length > 1
        ? `<form class="compare" method="get" action="${pageUrl(page.id)}/diff">Compare <select name="from" aria-label="from">${options(versions[1]!.number)}</select> with <select name="to" aria-label="to">${options(versions[0]!.number)}</select> <button type="submit">Compare</button></form>`
        : '';
    const main = `<div class="breadcrumbs">${breadcrumbs(space, page, 'with the page')}</div><h1 class="page-title">Page history</h1>${compare}
      <table class="list"><thead><tr><th>Version</th><th>Published</th><th>By</th><th>Message</th><th>Changed</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
    return send(reply, layout(`History of ${page.title}`, main, tree(space, page)));
  });

  app.get<{ Params: { id: string }; Querystring: { from?: string; to?: string } }>(
    '/ui/pages/:id/diff',
    async (request, reply) => {
      const found = findPage(request.params.id);
      if (!found) return notFound(reply, request.params.id);
      const { page, space } = found;
      const to = store.version(page.id, Number(request.query.to ?? page.version));
      const from = store.version(page.id, Number(request.query.from ?? (to ? to.number - 1 : 0)));
      if (!from || !to)
        return notFound(reply, `${request.params.id} (versions ${request.query.from} → ${request.query.to})`);
      const title =
        from.title !== to.title ? `<p>Title: <del>${esc(from.title)}</del> → <ins>${esc(to.title)}</ins></p>` : '';
      const moved =
        from.parent_id !== to.parent_id
          ? `<p>Moved: from ${parentLink(from.parent_id)} to ${parentLink(to.parent_id)}</p>`
          : '';
      const main = `<div class="breadcrumbs">${breadcrumbs(space, page, 'with the page')} / <a href="${pageUrl(page.id)}/history">History</a></div>
      <h1 class="page-title">Changes from v${from.number} to v${to.number}</h1>${title}${moved}${diffHtml(from.body, to.body)}`;
      return send(reply, layout(`Diff of ${page.title}`, main, tree(space, page)));
    },
  );

  app.get<{ Params: { pageId: string; filename: string } }>(
    '/ui/attachments/:pageId/:filename',
    async (request, reply) => {
      const owner = /^\d+$/.test(request.params.pageId) ? store.content(Number(request.params.pageId)) : undefined;
      const attachment = owner && store.attachmentByName(owner.id, request.params.filename);
      const data = attachment && store.attachmentData(attachment.id);
      if (!attachment || !data) return reply.code(404).type('text/plain').send('attachment not found');
      return reply
        .type(attachment.media_type ?? 'application/octet-stream')
        .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
        .header('X-Content-Type-Options', 'nosniff')
        .send(data);
    },
  );
}

/**
 * What a version changed from the one before: its title, its place in the tree, its body. A version
 * that changed none of them is called out: a publish should not make one.
 */
function whatChanged(version: VersionRow, previous: VersionRow | undefined): string {
  if (!previous) return 'created';
  const changes = [
    version.title !== previous.title ? 'title' : '',
    version.parent_id !== previous.parent_id ? 'place in the tree' : '',
    version.body !== previous.body ? 'body' : '',
  ].filter(Boolean);
  return changes.length ? changes.join(', ') : '<strong>nothing</strong>';
}

/** Storage is often one long line: put each tag on its own line so the diff shows what changed. */
function splitForDiff(storage: string): string {
  return storage.replace(/>\s*</g, '>\n<').replace(/\n*$/, '\n');
}

/**
 * How many changed lines the diff aligns old and new over. Aligning costs the page's length times
 * the changes (Myers), and the sandbox answers its API on the same thread: a big page rewritten
 * end to start took minutes. Beyond it, the changed stretch is shown as replaced whole.
 */
const MAX_ALIGNED_CHANGES = 1000;

function lineDiff(before: string, after: string): ChangeObject<string>[] {
  return diffLines(before, after, { maxEditLength: MAX_ALIGNED_CHANGES }) ?? replacedStretch(before, after);
}

/** The lines both versions share at the start and at the end, and between them the old stretch replaced by the new. */
function replacedStretch(before: string, after: string): ChangeObject<string>[] {
  const old = before.split(/(?<=\n)/);
  const now = after.split(/(?<=\n)/);
  let start = 0;
  while (start < old.length && start < now.length && old[start] === now[start]) start++;
  let end = 0;
  while (
    end < old.length - start &&
    end < now.length - start &&
    old[old.length - 1 - end] === now[now.length - 1 - end]
  )
    end++;
  const part = (lines: string[], kind: 'added' | 'removed' | 'common'): ChangeObject<string> => ({
    value: lines.join(''),
    count: lines.length,
    added: kind === 'added',
    removed: kind === 'removed',
  });
  return [
    part(old.slice(0, start), 'common'),
    part(old.slice(start, old.length - end), 'removed'),
    part(now.slice(start, now.length - end), 'added'),
    part(old.slice(old.length - end), 'common'),
  ].filter((p) => p.count > 0);
}

/** Unchanged lines shown on each side of a change. */
const CONTEXT_LINES = 3;

function diffHtml(before: string, after: string): string {
  const parts = lineDiff(splitForDiff(before), splitForDiff(after));
  if (parts.every((p) => !p.added && !p.removed)) return '<p>No changes in the body.</p>';
  const linesOf = (part: ChangeObject<string>) => part.value.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    const lines = linesOf(part);
    const next = parts[index + 1];
    if (part.removed && next?.added && lines.length <= MAX_EDITED_LINES && linesOf(next).length === lines.length) {
      out.push(...editedLines(lines, linesOf(next)));
      index++;
    } else if (part.added) out.push(...lines.map((l) => `<div class="add">+ ${esc(l)}</div>`));
    else if (part.removed) out.push(...lines.map((l) => `<div class="del">- ${esc(l)}</div>`));
    else out.push(...unchangedLines(lines, { changeBefore: index > 0, changeAfter: index < parts.length - 1 }));
  }
  return `<div class="diff" role="region" aria-label="diff">${out.join('')}</div>`;
}

/** Up to this many lines replaced one for one are read as edits of each line (more: a rewrite). */
const MAX_EDITED_LINES = 20;

/** Past this length a line pair is not diffed word by word (the cost grows with length times changes). */
const MAX_WORD_DIFF_LENGTH = 5000;

/**
 * Lines replaced one for one (a paragraph, a table cell edited): each old line, then each new one,
 * with the words that changed marked, since such a line is often long.
 */
function editedLines(removed: string[], added: string[]): string[] {
  const pairs = removed.map((old, i) => wordMarks(old, added[i]!));
  return [
    ...pairs.map(([old]) => `<div class="del">- ${old}</div>`),
    ...pairs.map(([, now]) => `<div class="add">+ ${now}</div>`),
  ];
}

/** The old and the new line as HTML, the removed words in `<del>`, the added ones in `<ins>`. */
function wordMarks(old: string, now: string): [string, string] {
  if (old.length + now.length > MAX_WORD_DIFF_LENGTH) return [esc(old), esc(now)];
  const words = diffWordsWithSpace(old, now);
  const side = (kind: 'removed' | 'added', tag: 'del' | 'ins') =>
    words
      .filter((word) => !word[kind === 'removed' ? 'added' : 'removed'])
      .map((word) => (word[kind] ? `<${tag}>${esc(word.value)}</${tag}>` : esc(word.value)))
      .join('');
  return [side('removed', 'del'), side('added', 'ins')];
}

/** Unchanged lines: the few next to a change, the rest (the page's start and end too) folded into a gap. */
function unchangedLines(lines: string[], around: { changeBefore: boolean; changeAfter: boolean }): string[] {
  const head = around.changeBefore ? CONTEXT_LINES : 0;
  const tail = around.changeAfter ? CONTEXT_LINES : 0;
  const context = (shown: string[]) => shown.map((l) => `<div class="ctx">  ${esc(l)}</div>`);
  if (lines.length <= head + tail) return context(lines);
  const hidden = lines.length - head - tail;
  return [
    ...context(lines.slice(0, head)),
    `<div class="gap">… ${hidden} unchanged line${hidden === 1 ? '' : 's'} …</div>`,
    ...context(lines.slice(lines.length - tail)),
  ];
}
