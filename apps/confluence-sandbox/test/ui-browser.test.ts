import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '@docgen/test-support';
import { startSandbox, type Sandbox } from '@docgen/confluence-sandbox';
import { Api, attachmentForm } from './http.js';

// Opens the preview UI in Debian's Chromium (playwright-core drives it; nothing is downloaded),
// navigates the page tree and checks that a page with a code block, a table, a panel and an
// image renders. The screenshot lands in test-artifacts/ (gitignored).
const chromium = '/usr/bin/chromium';
const haveChromium = existsSync(chromium);
if (!haveChromium)
  console.log(`skipping the browser test: ${chromium} not found (apt-get install chromium; .ci/run installs it)`);

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const artifacts = join(repoRoot, 'test-artifacts');

(haveChromium ? describe : describe.skip)('preview UI in Chromium', () => {
  let sandbox: Sandbox;
  let profile: string;
  let browser: import('playwright-core').BrowserContext;
  let pageId: string;

  beforeAll(async () => {
    sandbox = await startSandbox();
    const api = new Api(sandbox.url);
    const section = await api.createPage('Services', '<p>All services.</p>');
    await api.createPage('Runbook', '<p>What to do when it breaks.</p>', { parentId: section.body.id });
    const rich = await api.createPage('Payments API', '<p>draft</p>', { parentId: section.body.id });
    pageId = rich.body.id;
    const upload = await api.post(
      `/rest/api/content/${pageId}/child/attachment`,
      attachmentForm('architecture.svg', readFileSync(join(fixtures, 'architecture.svg')), 'image/svg+xml'),
      { 'X-Atlassian-Token': 'no-check' },
    );
    expect(upload.status).toBe(200);
    const updated = await api.updatePage(
      pageId,
      'Payments API',
      readFileSync(join(fixtures, 'rich-page.xhtml'), 'utf8'),
      2,
    );
    expect(updated.status).toBe(200);

    const { chromium: launcher } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'docgen-chromium-'));
    // A fresh user-data-dir per run: playwright passes it as --user-data-dir.
    browser = await launcher.launchPersistentContext(profile, {
      executablePath: chromium,
      headless: true,
      viewport: { width: 1280, height: 1400 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  // A nested task list (a sibling ac:task-list after its parent task) sits indented under its parent.
  it('indents a nested task list under its parent task', async () => {
    const task = (body: string) =>
      `<ac:task><ac:task-status>incomplete</ac:task-status><ac:task-body>${body}</ac:task-body></ac:task>`;
    const api = new Api(sandbox.url);
    const created = await api.createPage(
      'Checklist',
      `<ac:task-list>${task('parent')}<ac:task-list>${task('child')}</ac:task-list></ac:task-list>`,
    );
    const page = await browser.newPage();
    await page.goto(`${sandbox.url}/ui/pages/${created.body.id}`);
    const [parent, child] = await page
      .locator('li.task input[type=checkbox]')
      .evaluateAll((boxes) => boxes.map((box) => box.getBoundingClientRect().left));
    expect(child! - parent!).toBeGreaterThanOrEqual(16);
    await page.close();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('navigates the tree to a page and renders code, table, panel and image', async () => {
    const page = await browser.newPage();
    await page.goto(`${sandbox.url}/`);
    await page.getByRole('link', { name: 'Development' }).click();
    // The space opens on its homepage; the tree shows Services, whose branch holds our page.
    await expect(page.locator('h1.page-title').textContent()).resolves.toBe('Development Home');
    await page.locator('nav.sidebar summary', { hasText: 'Services' }).locator('a').click();
    await expect(page.locator('h1.page-title').textContent()).resolves.toBe('Services');
    await page.locator('nav.sidebar').getByRole('link', { name: 'Payments API' }).click();
    await expect(page.locator('h1.page-title').textContent()).resolves.toBe('Payments API');
    expect(page.url()).toBe(`${sandbox.url}/ui/pages/${pageId}`);

    // Code macro: title, highlighted tokens, line numbers.
    const code = page.locator('.code-block');
    await expect(code.locator('.code-title').textContent()).resolves.toBe('client.ts');
    expect(await code.locator('code.language-typescript .hljs-keyword').count()).toBeGreaterThan(2);
    await expect(code.locator('code').textContent()).resolves.toContain('amount < 100 && currency === "EUR"');
    await expect(code.locator('.code-gutter').textContent()).resolves.toBe('1\n2\n3\n4\n5');

    // Table with header cells.
    const table = page.locator('.wiki-content table');
    expect(await table.locator('th').allTextContents()).toEqual(['Method', 'Path', 'Summary']);
    expect(await table.locator('tr').count()).toBe(3);

    // Panels: info with a title, warning.
    await expect(page.locator('.panel-info .panel-title').textContent()).resolves.toBe('Generated page');
    expect(await page.locator('.panel-info').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(222, 235, 255)',
    );
    await expect(page.locator('.panel-warning').textContent()).resolves.toContain('Refunds are irreversible.');

    // Image from the attachment, actually loaded and decoded by the browser.
    const image = page.locator('img.confluence-image');
    await expect(image.getAttribute('alt')).resolves.toBe('Architecture diagram');
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(360);

    // Status lozenge, task list, page link, expand, toc, entity.
    await expect(page.locator('.status.status-green').textContent()).resolves.toBe('STABLE');
    expect(
      await page
        .locator('li.task input[type=checkbox]')
        .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).checked)),
    ).toEqual([true, false]);
    await expect(page.locator('a.page-link').textContent()).resolves.toBe('the runbook');
    await expect(page.locator('details.expand summary').textContent()).resolves.toBe('Error codes');
    expect(await page.locator('nav.toc a').allTextContents()).toEqual([
      'Payments service',
      'Endpoints',
      'Example',
      'Architecture',
    ]);

    mkdirSync(artifacts, { recursive: true });
    const screenshot = join(artifacts, 'sandbox-preview.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(existsSync(screenshot)).toBe(true);

    // History and the diff between the two versions.
    await page.locator('.byline').getByRole('link', { name: 'History' }).click();
    expect(await page.locator('table.list tbody tr').count()).toBe(2);
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page.locator('h1.page-title').textContent()).resolves.toBe('Changes from v1 to v2');
    await expect(page.locator('.diff .del').first().textContent()).resolves.toContain('<p>draft</p>');
    expect(await page.locator('.diff .add').count()).toBeGreaterThan(10);
    await page.screenshot({ path: join(artifacts, 'sandbox-diff.png'), fullPage: true });

    // The runbook link resolves to the page.
    await page.goto(`${sandbox.url}/ui/pages/${pageId}`);
    await page.locator('a.page-link').click();
    await expect(page.locator('h1.page-title').textContent()).resolves.toBe('Runbook');
    await page.close();
  }, 60_000);
});
