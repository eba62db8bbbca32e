/** Service metadata as platform teams keep it: the example shop's five services, multi-entity files, and broken input. */
import { cp, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { createTemplateRenderer, validatePageTree, type Diagnostic } from '@docgen/core';
import { docgenFailure, repoRoot } from '@docgen/test-support';
import source, { extractRunbooks, ownerName, parseEntityRef, renderRunbooks } from '@docgen/source-runbook';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const services = join(repoRoot, 'examples', 'acme-shop', 'services');
const templates = createTemplateRenderer({ defaultsDir: source.templatesDir });

describe('extractRunbooks', () => {
  it('reads each Component with its runbook.yaml and runbook.md; says which services have no runbook', () => {
    const warnings: Diagnostic[] = [];
    const model = extractRunbooks(services, { report: (warning) => warnings.push(warning) });
    expect(model.services.map((service) => [service.name, service.owner, service.lifecycle])).toEqual([
      ['accounts', 'team-identity', 'production'],
      ['catalog', 'team-storefront', 'production'],
      ['notifications', 'team-crm', 'experimental'],
      ['orders', 'team-checkout', 'production'],
      ['payments', 'team-checkout', 'production'],
    ]);
    const catalog = model.services.find((service) => service.name === 'catalog')!;
    expect(catalog.runbook.alerts.map((alert) => [alert.name, alert.severity, alert.actions.length])).toEqual([
      ['CatalogHighErrorRate', 'critical', 3],
      ['InventoryDrift', 'medium', 2],
    ]);
    expect(catalog.runbook.oncall?.escalation).toHaveLength(3);
    expect(catalog.dependsOn).toEqual(['resource:shop-db', 'component:accounts']);
    expect(model.services.find((service) => service.name === 'accounts')!.runbook.notes).toMatch(/^Sign-in problems/);
    expect(warnings).toEqual([]);
  });

  it('takes every Component of a multi-document file, skips other kinds and template skeletons', () => {
    const warnings: Diagnostic[] = [];
    const model = extractRunbooks(join(fixtures, 'multi'), { report: (warning) => warnings.push(warning) });
    expect(model.services.map((service) => service.name)).toEqual(['billing', 'ledger']);
    // The template skeleton beside them is skipped with a warning, not read as a broken service;
    // the ledger names no owner.
    // Runbooks are given once every catalog file is read (a Location may list one beside another).
    expect(warnings.map((warning) => warning.code)).toEqual([
      'DG_RUNBOOK_NO_OWNER',
      'DG_RUNBOOK_TEMPLATE',
      'DG_RUNBOOK_EMPTY',
      'DG_RUNBOOK_EMPTY',
    ]);
    // Each component of the file is named at its own line (before, the file alone, twice alike).
    expect(
      warnings
        .filter((warning) => warning.code === 'DG_RUNBOOK_EMPTY')
        .map((warning) => [warning.location, warning.message.split(' ')[0]]),
    ).toEqual([
      [{ file: join(fixtures, 'multi', 'billing', 'catalog-info.yaml'), line: 12 }, 'billing'],
      [{ file: join(fixtures, 'multi', 'billing', 'catalog-info.yaml'), line: 21 }, 'ledger'],
    ]);
    expect(parseEntityRef('component:default/ledger')).toEqual({
      kind: 'component',
      namespace: 'default',
      name: 'ledger',
    });
    expect(parseEntityRef('Component:ledger-db')).toMatchObject({ kind: 'component', name: 'ledger-db' });
    expect(parseEntityRef('orders')).toMatchObject({ kind: 'component', name: 'orders' });
  });

  it("gives each component of a shared catalog file only the runbook written for it, never another team's", () => {
    const warnings: Diagnostic[] = [];
    const dir = join(fixtures, 'shared-runbook');
    const model = extractRunbooks(dir, { report: (warning) => warnings.push(warning) });
    const service = (name: string) => model.services.find((each) => each.name === name)!;
    // runbook.yaml's documents name their components; runbook.refunds.md is refunds' own.
    expect(service('payments').runbook.oncall?.team).toBe('Payments');
    expect(service('payments').runbook.dashboards.map((link) => link.title)).toEqual(['Payments overview']);
    expect(service('fraud-check').runbook.oncall?.team).toBe('Risk');
    expect(service('fraud-check').runbook.dashboards).toEqual([]);
    expect(service('fraud-check').runbook.alerts.map((alert) => alert.name)).toEqual(['FraudScoreLatency']);
    expect(service('refunds').runbook.oncall).toBeUndefined();
    expect(service('refunds').runbook.notes).toMatch(/^Refunds are retried/);
    expect(service('refunds').runbook.notesFrom?.file).toBe(join(dir, 'checkout', 'runbook.refunds.md'));
    // A runbook naming no component beside one Component is its, as before.
    expect(service('ledger').runbook.oncall?.team).toBe('Finance');
    expect(service('ledger').runbookFile).toBe(join(dir, 'ledger', 'runbook.yaml'));
    // Beside two, it is neither's: said once, at the runbook, with the way to say whose it is.
    expect(service('search').runbook.oncall).toBeUndefined();
    expect(service('search-indexer').runbook.oncall).toBeUndefined();
    expect(service('search').runbookFile).toBeUndefined();
    const ambiguous = warnings.filter((warning) => warning.code === 'DG_RUNBOOK_AMBIGUOUS');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]).toMatchObject({ location: { file: join(dir, 'search', 'runbook.yaml'), line: 1 } });
    expect(ambiguous[0]!.message).toContain('search, search-indexer');
    expect(ambiguous[0]!.hint).toContain('component: search');
    expect(ambiguous[0]!.hint).toContain('runbook.search.yaml');
    // A component name the catalog file does not define: at its line, with the one meant.
    const unknown = warnings.filter((warning) => warning.code === 'DG_RUNBOOK_UNKNOWN_COMPONENT');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ location: { file: join(dir, 'checkout', 'runbook.yaml'), line: 14 } });
    expect(unknown[0]!.hint).toContain('did you mean refunds?');
    // Said as a runbook named by its file is, with the catalog file that describes the components.
    expect(unknown[0]!.message).toMatch(
      /^runbook\.yaml's part for refund is left out: refund is no component here \(catalog-info\.yaml describes [^)]*refunds[^)]*\)$/,
    );
    // The search services are not also told they have no runbook: the warning above says why.
    expect(warnings.filter((warning) => warning.code === 'DG_RUNBOOK_EMPTY')).toEqual([]);
  });

  it('matches runbooks against the Components of every catalog file in their folder, not one file at a time', () => {
    const warnings: Diagnostic[] = [];
    const dir = join(fixtures, 'two-catalogs');
    const model = extractRunbooks(dir, { report: (warning) => warnings.push(warning) });
    const service = (name: string) => model.services.find((each) => each.name === name)!;
    // catalog-info.yaml lists refunds.yaml beside it: runbook.refunds.yaml is refunds', runbook.yaml
    // (component: payments) payments', and neither is a component "not described" there.
    expect(service('payments').runbook.oncall?.team).toBe('Payments');
    expect(service('refunds').runbook.oncall?.team).toBe('Refunds');
    expect(service('refunds').runbookFile).toBe(join(dir, 'checkout', 'runbook.refunds.yaml'));
    expect(warnings.filter((warning) => warning.code === 'DG_RUNBOOK_UNKNOWN_COMPONENT')).toEqual([]);
    // A runbook naming no component beside two Components (one per file) is neither's, said once.
    expect(service('search').runbook.oncall).toBeUndefined();
    expect(service('search-indexer').runbook.oncall).toBeUndefined();
    const ambiguous = warnings.filter((warning) => warning.code === 'DG_RUNBOOK_AMBIGUOUS');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]).toMatchObject({ location: { file: join(dir, 'search', 'runbook.yaml'), line: 1 } });
    expect(ambiguous[0]!.message).toContain('catalog-info.yaml and indexer.yaml describe 2: search, search-indexer');
    expect(warnings.filter((warning) => warning.code === 'DG_RUNBOOK_EMPTY')).toEqual([]);
  });

  it('reads runbook.<component>.* only for a component of the folder; a copy kept aside is not read, nor warned', () => {
    const warnings: Diagnostic[] = [];
    const dir = join(fixtures, 'runbook-names');
    // runbook.v2.yaml, an outdated copy with a key no runbook has now, does not stop the run.
    const model = extractRunbooks(dir, { report: (warning) => warnings.push(warning) });
    const ledger = model.services.find((each) => each.name === 'ledger')!;
    expect(ledger.runbook.oncall?.team).toBe('Finance');
    expect(ledger.runbook.notes).toBeUndefined();
    expect(ledger.runbookFile).toBe(join(dir, 'ledger', 'runbook.yaml'));
    // runbook.old.md and runbook.v2.yaml are copies kept aside: no warning. A name close to the
    // component's is a typo, with the one meant; another says it is not read, and how to name one.
    const unknown = warnings.filter((warning) => warning.code === 'DG_RUNBOOK_UNKNOWN_COMPONENT');
    expect(unknown.map((warning) => warning.location)).toEqual([
      { file: join(dir, 'ledger', 'runbook.ledgr.md') },
      { file: join(dir, 'ledger', 'runbook.oncall.md') },
    ]);
    // A typo in the file's name is said as any name no component has, with the name to give it.
    expect(unknown[0]!.message).toBe(
      'runbook.ledgr.md is not read: ledgr is no component here (catalog-info.yaml describes ledger)',
    );
    expect(unknown[0]!.hint).toContain('did you mean ledger? rename it runbook.ledger.md');
    expect(unknown[1]!.message).toBe(
      'runbook.oncall.md is not read: oncall is no component here (catalog-info.yaml describes ledger)',
    );
    expect(unknown[1]!.hint).toContain('runbook.md');
    expect(unknown[1]!.hint).not.toContain('did you mean');
    // A component whose only runbook is a copy kept aside is told it is not read, and what to rename.
    const empty = warnings.filter((warning) => warning.code === 'DG_RUNBOOK_EMPTY');
    expect(empty).toHaveLength(1);
    expect(empty[0]!.location).toEqual({ file: join(dir, 'billing', 'catalog-info.yaml'), line: 4 });
    expect(empty[0]!.hint).toContain('runbook.draft.yaml is not read');
    expect(empty[0]!.hint).toContain('runbook.yaml');
    expect(warnings).toHaveLength(3);
  });

  it("beside several components, a copy kept aside of one is named only in that one's warning, with the runbook.yaml advice", () => {
    const warnings: Diagnostic[] = [];
    const dir = join(fixtures, 'runbook-aside', 'checkout');
    extractRunbooks(dir, { report: (warning) => warnings.push(warning) });
    const hints = Object.fromEntries(
      warnings
        .filter((warning) => warning.code === 'DG_RUNBOOK_EMPTY')
        .map((warning) => [warning.message.split(' ')[0], warning.hint]),
    );
    // payouts has its document in runbook.yaml; payments' only runbook is runbook.payments.old.md.
    expect(Object.keys(hints)).toEqual(['payments', 'refunds']);
    expect(hints.payments).toBe(
      'add a document with component: payments to runbook.yaml, or write runbook.payments.yaml beside catalog-info.yaml: on-call, alerts and their actions, procedures; runbook.payments.old.md is not read (a copy kept aside, by its name): if it is current, rename it runbook.payments.md',
    );
    expect(hints.refunds).toBe(
      'add a document with component: refunds to runbook.yaml, or write runbook.refunds.yaml beside catalog-info.yaml: on-call, alerts and their actions, procedures',
    );
    expect(warnings).toHaveLength(2);
  });

  it("a skeleton its Template fetches (create-app's examples/template/content) is skipped without a warning", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-catalog-'));
    await mkdir(join(dir, 'examples', 'template', 'content'), { recursive: true });
    await writeFile(
      join(dir, 'catalog-info.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: my-backstage-app\nspec:\n  type: website\n  owner: john@example.com\n  lifecycle: experimental\n',
    );
    // As @backstage/create-app writes them.
    await writeFile(
      join(dir, 'examples', 'template', 'template.yaml'),
      'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: example-nodejs-template\nspec:\n  owner: user:guest\n  type: service\n  steps:\n    - id: fetch-base\n      name: Fetch Base\n      action: fetch:template\n      input:\n        url: ./content\n        values:\n          name: ${{ parameters.name }}\n',
    );
    await writeFile(
      join(dir, 'examples', 'template', 'content', 'catalog-info.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${{ values.name | dump }}\nspec:\n  type: service\n  owner: user:guest\n  lifecycle: experimental\n',
    );
    const warnings: Diagnostic[] = [];
    const model = extractRunbooks(dir, { report: (warning) => warnings.push(warning) });
    await rm(dir, { recursive: true });
    expect(model.services.map((service) => service.name)).toEqual(['my-backstage-app']);
    // Before: DG_RUNBOOK_TEMPLATE at the skeleton, a file as Backstage means it (--strict failed on a new app).
    expect(warnings.map((warning) => warning.code)).toEqual(['DG_RUNBOOK_EMPTY']);
  });

  it('real catalogs: many kinds per file, CRLF, substitutions, templates, namespaces, symbolic links', async () => {
    // A copy with Windows line ends in the multi-kind file, and a service linked in, not copied.
    const dir = await mkdtemp(join(tmpdir(), 'docgen-catalog-'));
    await cp(join(fixtures, 'catalog-mix'), join(dir, 'catalog'), { recursive: true });
    const shop = join(dir, 'catalog', 'shop', 'catalog-info.yaml');
    await writeFile(shop, (await readFile(shop, 'utf8')).replace(/\n/g, '\r\n'));
    await rename(join(dir, 'catalog', 'gateway'), join(dir, 'gateway'));
    await symlink(join(dir, 'gateway'), join(dir, 'catalog', 'gateway'));
    const warnings: Diagnostic[] = [];
    const model = extractRunbooks(join(dir, 'catalog'), { report: (warning) => warnings.push(warning) });
    expect(model.services.map((service) => [service.namespace, service.name])).toEqual([
      ['staging', 'gateway'],
      ['default', 'search'],
      ['staging', 'search'],
      ['default', 'shop-api'],
    ]);
    expect(model.services.find((service) => service.name === 'shop-api')!.links).toEqual([]);
    expect(
      warnings
        .filter((warning) => warning.code !== 'DG_RUNBOOK_EMPTY')
        .map((warning) => [warning.code, warning.location?.line]),
    ).toEqual([
      ['DG_RUNBOOK_LOCATION', 6], // org/: a Location only, whose ./teams.yaml (its line) is not there
      ['DG_RUNBOOK_SUBSTITUTION', 13], // shop-api's `links:` (its value: { $yaml: … })
      // The Template document (line 32) is an entity Backstage reads as it is: skipped without a
      // warning (before, DG_RUNBOOK_TEMPLATE called it a skeleton), the Components beside it read.
    ]);
    const tree = renderRunbooks(model, templates, { cwd: dir });
    validatePageTree(tree);
    // The same name in two namespaces: both told apart; a name used once keeps its plain key.
    expect(tree.pages.map((page) => [page.key, page.title])).toEqual([
      ['runbooks', 'Runbooks'],
      ['runbooks/gateway', 'Runbook: gateway'],
      ['runbooks/default/search', 'Runbook: Search (default)'],
      ['runbooks/staging/search', 'Runbook: Search (staging)'],
      ['runbooks/shop-api', 'Runbook: shop-api'],
    ]);
    const gateway = tree.pages[1]!.markdown;
    expect(gateway).toContain('| Namespace | `staging` |');
    // `component:search` from a staging entity is staging's search; default's search says, from
    // its own side (dependencyOf), that the gateway depends on it too.
    expect(gateway).toContain(
      'Depends on: [Search (staging)](./runbooks__staging__search.md), [Search (default)](./runbooks__default__search.md).',
    );
    expect(tree.pages[2]!.markdown).toContain('Depended on by: [gateway](./runbooks__gateway.md).');
    // An API links the runbooks on its other side, after what the catalog says of it (its type).
    expect(tree.pages[2]!.markdown).toContain(
      'Consumes APIs: `shop-api` (openapi; from [shop-api](./runbooks__shop-api.md)).',
    );
    expect(tree.pages[4]!.markdown).toContain(
      'Provides APIs: `shop-api` (openapi; used by [Search (default)](./runbooks__default__search.md)).',
    );
  });

  it("Backstage's $text, $json and $yaml substitutions of files beside the catalog are read; a URL, a missing or broken file is a warning", () => {
    const dir = join(fixtures, 'substitutions');
    const warnings: Diagnostic[] = [];
    const model = extractRunbooks(dir, { report: (warning) => warnings.push(warning) });
    const [payments, search] = model.services;
    // Before, all three were left out with a warning, and the page had no description, tags or links.
    expect(payments!.description).toBe('Takes card payments and settles them nightly.');
    expect(payments!.tags).toEqual(['payments', 'pci']);
    expect(payments!.links).toEqual([{ url: 'https://grafana.example/d/payments', title: 'Payments dashboard' }]);
    expect(search!.description).toBeUndefined();
    expect(search!.links).toEqual([]);
    const file = join(dir, 'search', 'catalog-info.yaml');
    expect(
      warnings
        .filter((warning) => warning.code === 'DG_RUNBOOK_SUBSTITUTION')
        .map((warning) => [warning.location, warning.message, warning.hint]),
    ).toEqual([
      [
        { file, line: 6 },
        'metadata.description is a Backstage $text substitution of "https://example.com/search/DESCRIPTION.md", which only Backstage resolves: left out',
        'write the value in catalog-info.yaml itself to have it on the runbook',
      ],
      [
        { file, line: 8 },
        'metadata.links is a Backstage $yaml substitution of ./links.yaml, which is not there: left out',
        'add ./links.yaml beside catalog-info.yaml, or write the value in catalog-info.yaml itself to have it on the runbook',
      ],
      [
        { file, line: 10 },
        expect.stringMatching(
          /^metadata\.tags is a Backstage \$json substitution of \.\/tags\.json, which does not parse \(\.\/tags\.json.*JSON.*\): left out$/,
        ),
        'fix ./tags.json, or write the value in catalog-info.yaml itself to have it on the runbook',
      ],
    ]);
  });

  it('a substitution reads only inside the repository of its catalog file: a path or a link out of it is refused', async () => {
    const root = await mkdtemp(join(tmpdir(), 'docgen-substitution-'));
    try {
      const repo = join(root, 'repo');
      await mkdir(join(repo, 'services', 'billing'), { recursive: true });
      await writeFile(join(root, 'secret.txt'), 'npm_token=not-for-confluence\n');
      await writeFile(join(repo, 'OVERVIEW.md'), 'Bills customers monthly.\n');
      await symlink(join(root, 'secret.txt'), join(repo, 'services', 'billing', 'linked.txt'));
      const catalog = (description: string) =>
        `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: billing\n  description:\n    $text: ${description}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-billing\n`;
      const read = async (description: string) => {
        await writeFile(join(repo, 'services', 'billing', 'catalog-info.yaml'), catalog(description));
        const warnings: Diagnostic[] = [];
        const model = extractRunbooks(join(repo, 'services'), { report: (warning) => warnings.push(warning) });
        const messages = warnings.filter((w) => w.code === 'DG_RUNBOOK_SUBSTITUTION').map((w) => w.message);
        return { description: model.services[0]!.description, messages };
      };
      // No repository above it: only the catalog file's own folder is readable.
      for (const path of ['../../../secret.txt', './linked.txt', '../../OVERVIEW.md']) {
        const { description, messages } = await read(path);
        expect(description).toBeUndefined();
        expect(messages).toEqual([
          expect.stringContaining(`of ${path}, which is outside ${join(repo, 'services', 'billing')}`),
        ]);
      }
      // In a git repository, anything inside it; still nothing outside.
      await mkdir(join(repo, '.git'));
      expect(await read('../../OVERVIEW.md')).toEqual({ description: 'Bills customers monthly.', messages: [] });
      for (const path of ['../../../secret.txt', './linked.txt']) {
        const { description, messages } = await read(path);
        expect(description).toBeUndefined();
        expect(messages).toEqual([expect.stringContaining(`which is outside ${repo} `)]);
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('a substitution refused as outside says which folder limit applied: the git repository, the project folder or the catalog file’s folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'docgen-substitution-boundary-'));
    try {
      const repo = join(root, 'repo');
      const billing = join(repo, 'services', 'billing');
      await mkdir(billing, { recursive: true });
      await writeFile(join(root, 'secret.txt'), 'npm_token=not-for-confluence\n');
      await writeFile(
        join(billing, 'catalog-info.yaml'),
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: billing\n  description:\n    $text: ../../../secret.txt\nspec:\n  type: service\n  lifecycle: production\n  owner: team-billing\n',
      );
      const refused = () => {
        const warnings: Diagnostic[] = [];
        extractRunbooks(join(repo, 'services'), { report: (warning) => warnings.push(warning) });
        return warnings.find((w) => w.code === 'DG_RUNBOOK_SUBSTITUTION')!;
      };
      // Neither a repository nor a project: the catalog file's own folder.
      const loose = refused();
      expect(loose.message).toContain(`which is outside ${billing} `);
      expect(loose.message).toMatch(/its catalog file's own folder: no git repository holds it/);
      expect(loose.message).not.toMatch(/the repository of its catalog file/);
      expect(loose.hint).toMatch(/^move secret\.txt into .*billing, or /);
      // A project copied out of its repository: its package.json marks the limit.
      await writeFile(join(repo, 'package.json'), '{}');
      const project = refused();
      expect(project.message).toContain(`which is outside ${repo} `);
      expect(project.message).toMatch(/no git repository holds it: the outermost folder above it with a package\.json/);
      expect(project.hint).toMatch(
        new RegExp(`^move secret\\.txt into ${repo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, or `),
      );
      // A git repository.
      await mkdir(join(repo, '.git'));
      const inRepository = refused();
      expect(inRepository.message).toContain(`which is outside ${repo} `);
      expect(inRepository.message).toMatch(/only from the git repository holding its catalog file/);
      expect(inRepository.hint).toMatch(/^move secret\.txt into the repository, or /);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("a dependencyOf entry with no runbook here (another repository's service, a Resource) is shown as a dependent", () => {
    const model = extractRunbooks(join(fixtures, 'dependency-of'), { report: () => undefined });
    const page = renderRunbooks(model, templates).pages[1]!.markdown;
    // Before, both were left off the page: only components with a runbook here were dependents.
    expect(page).toContain(
      "Depended on by: `component:default/checkout`, `resource:nightly-settlement` (cronjob: Batch job that settles the day's payments.).",
    );
  });

  it('a duplicate names both places by line; a catalog with no Component at all is an error', async () => {
    const dup = await docgenFailure(Promise.resolve().then(() => extractRunbooks(join(fixtures, 'dup-lines'))));
    const file = join(fixtures, 'dup-lines', 'svc', 'catalog-info.yaml');
    expect(dup).toMatchObject({ code: 'DG_RUNBOOK_DUPLICATE', location: { file, line: 11 } });
    expect(dup.message).toBe(`two components are named "signer"; the first is at ${file}:4`);
    const none = await docgenFailure(Promise.resolve().then(() => extractRunbooks(join(fixtures, 'locations-only'))));
    expect(none.code).toBe('DG_RUNBOOK_NOT_FOUND');
    expect(none.message).toContain('(found: Location ×1)');
  });

  it("another catalog's service file (OpsLevel, Cortex) with no catalog-info.yaml beside it is a warning at it", () => {
    const dir = join(fixtures, 'other-catalogs');
    const warnings: Diagnostic[] = [];
    const model = extractRunbooks(dir, { report: (warning) => warnings.push(warning) });
    expect(model.services.map((service) => service.name)).toEqual(['cart']);
    // cart/opslevel.yml has a catalog-info.yaml beside it: its service has a runbook.
    const unread = warnings.filter((warning) => warning.code === 'DG_RUNBOOK_UNREAD_FORMAT');
    expect(unread.map((warning) => [warning.location?.file, warning.message])).toEqual([
      [
        join(dir, 'inventory', 'cortex.yaml'),
        `cortex.yaml is Cortex's service file, which docgen does not read: no runbook for the service in ${join(dir, 'inventory')}`,
      ],
      [
        join(dir, 'search', 'opslevel.yml'),
        `opslevel.yml is OpsLevel's service file, which docgen does not read: no runbook for the service in ${join(dir, 'search')}`,
      ],
    ]);
    expect(unread[1]!.hint).toContain('service.owner and service.lifecycle are a Component');
  });

  it("another catalog's file: where its fields go is said for the shape it is written in", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    // Datadog's schema v3 (DataDog/datadog-agent's datadog-agent-ci) is Backstage-like, not v2's flat dd-service.
    await mkdir(join(dir, 'ci'));
    await writeFile(
      join(dir, 'ci', 'service.datadog.yaml'),
      [
        'apiVersion: v3',
        'kind: service',
        'metadata:',
        '  name: datadog-agent-ci',
        '  displayName: Datadog-agent CI',
        '  owner: agent-supply-chain',
        'spec:',
        '  lifecycle: 5 weeks',
        '',
      ].join('\n'),
    );
    const v3 = await docgenFailure(Promise.resolve().then(() => extractRunbooks(dir)));
    expect(v3.hint).toContain(
      "Datadog Service Catalog's metadata.name, metadata.displayName, metadata.owner, metadata.links and spec.lifecycle are a Component's metadata.name, metadata.title, spec.owner",
    );
    // An opslevel.yml of a repository (auth0's: `repository: { owner }`) has no service.* to map.
    await rm(join(dir, 'ci'), { recursive: true });
    await writeFile(
      join(dir, 'opslevel.yml'),
      '---\nversion: 1\nrepository:\n  owner: dx_customer_developer_tools\n  tier:\n',
    );
    const repository = await docgenFailure(Promise.resolve().then(() => extractRunbooks(dir)));
    expect(repository.hint).toContain(
      "OpsLevel's repository.owner is a Component's spec.owner (this file describes a repository",
    );
    expect(repository.hint).not.toContain('service.name');
  });

  it('no catalog-info.yaml: the error names what was found instead and what docgen reads', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    await mkdir(join(dir, 'search'));
    await cp(join(fixtures, 'other-catalogs', 'search', 'opslevel.yml'), join(dir, 'search', 'opslevel.yml'));
    const opslevel = await docgenFailure(Promise.resolve().then(() => extractRunbooks(dir)));
    expect(opslevel.code).toBe('DG_RUNBOOK_NOT_FOUND');
    expect(opslevel.message).toBe(
      `no catalog-info.yaml under ${dir}; found search/opslevel.yml (OpsLevel), which docgen does not read`,
    );
    expect(opslevel.location).toEqual({ file: join(dir, 'search', 'opslevel.yml') });
    expect(opslevel.hint).toContain('docgen reads Backstage catalog-info.yaml files (kind: Component)');
    // Backstage entities in a file named otherwise, that no Location lists.
    await mkdir(join(dir, 'catalog'));
    await writeFile(
      join(dir, 'catalog', 'services.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: search }\nspec: { owner: team-a }\n',
    );
    const named = await docgenFailure(Promise.resolve().then(() => extractRunbooks(dir)));
    expect(named.message).toBe(
      `no catalog-info.yaml under ${dir}; found catalog/services.yaml (Backstage), search/opslevel.yml (OpsLevel), which docgen does not read`,
    );
    expect(named.hint).toContain('kind: Location and spec.targets: [./catalog/services.yaml]');
  });

  it('two systems with one name are refused like two components, naming both places', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    const entity = (kind: string, name: string) => [
      'apiVersion: backstage.io/v1alpha1',
      `kind: ${kind}`,
      `metadata: { name: ${name} }`,
      'spec: { owner: team-a }',
    ];
    await mkdir(join(dir, 'a'));
    await mkdir(join(dir, 'b'));
    await writeFile(
      join(dir, 'a', 'catalog-info.yaml'),
      [...entity('Component', 'cart'), '---', ...entity('System', 'shop')].join('\n'),
    );
    await writeFile(join(dir, 'b', 'catalog-info.yaml'), entity('System', 'shop').join('\n'));
    const dup = await docgenFailure(Promise.resolve().then(() => extractRunbooks(dir)));
    expect(dup).toMatchObject({
      code: 'DG_RUNBOOK_DUPLICATE',
      location: { file: join(dir, 'b', 'catalog-info.yaml'), line: 3 },
    });
    expect(dup.message).toBe(`two systems are named "shop"; the first is at ${join(dir, 'a', 'catalog-info.yaml')}:8`);
  });

  it('a kind that looks like a misspelt Backstage kind is a warning at its line; a plugin kind is not', () => {
    const warnings: Diagnostic[] = [];
    const model = extractRunbooks(join(fixtures, 'kind-typo'), { report: (warning) => warnings.push(warning) });
    expect(model.services.map((service) => service.name)).toEqual(['storefront']);
    const kinds = warnings.filter((warning) => warning.code === 'DG_RUNBOOK_UNKNOWN_KIND');
    expect(kinds).toHaveLength(1);
    expect(kinds[0]).toMatchObject({
      severity: 'warning',
      message: 'kind "Compnent" (cart) is not a kind Backstage knows: skipped',
      location: { file: join(fixtures, 'kind-typo', 'svc', 'catalog-info.yaml'), line: 13 },
      hint: 'did you mean Component?',
    });
  });

  it('a misspelt field or a relation written as a field, which Backstage ignores, is a warning at its line', () => {
    const warnings: Diagnostic[] = [];
    extractRunbooks(join(fixtures, 'unread-keys'), { report: (warning) => warnings.push(warning) });
    const file = join(fixtures, 'unread-keys', 'heroes', 'catalog-info.yaml');
    expect(warnings.filter((warning) => warning.code === 'DG_RUNBOOK_UNKNOWN_FIELD')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message:
          "metadata.annotation (heroes-api) is not a Component's field: Backstage ignores it, and so does the runbook",
        location: { file, line: 9 },
        hint: 'did you mean metadata.annotations?',
      }),
      expect.objectContaining({
        message: "spec.dependOn (heroes-api) is not a Component's field: Backstage ignores it, and so does the runbook",
        location: { file, line: 15 },
        hint: 'did you mean spec.dependsOn?',
      }),
      expect.objectContaining({
        message:
          "spec.apiConsumedBy (heroes-api) is the name of a relation Backstage draws, not a Component's field: Backstage ignores it, and so does the runbook",
        location: { file, line: 16 },
        hint: 'each component that uses the API lists it in its own spec.consumesApis, and this one lists it in spec.providesApis',
      }),
      expect.objectContaining({
        message:
          "spec.apiProvidedBy (heroes-openapi) is the name of a relation Backstage draws, not an API's field: Backstage ignores it, and so does the runbook",
        location: { file, line: 28 },
        hint: 'the component that provides an API lists it in its spec.providesApis',
      }),
    ]); // costCenter, a key of the organisation's own, is no typo: nothing said
  });

  it('a component that names itself as a dependency or dependent: left out, with a warning at the line', () => {
    const dir = join(fixtures, 'self-edge');
    const warnings: Diagnostic[] = [];
    const model = extractRunbooks(dir, { report: (warning) => warnings.push(warning) });
    const self = warnings.filter((warning) => warning.code === 'DG_RUNBOOK_SELF_REFERENCE');
    expect(self).toEqual([
      expect.objectContaining({
        message: 'api-gateway names itself in spec.dependencyOf: left out',
        location: { file: join(dir, 'gateway', 'catalog-info.yaml'), line: 15 },
      }),
    ]);
    const gateway = renderRunbooks(model, templates, { cwd: dir }).pages.find(
      (page) => page.key === 'runbooks/api-gateway',
    )!;
    expect(gateway.markdown).toContain('Depends on: [search-service](./runbooks__search-service.md).');
    expect(gateway.markdown).not.toContain('Depended on by');
  });

  it('a link or dashboard whose URL runs a script or carries content: left out, with a warning at its line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-unsafe-'));
    try {
      await mkdir(join(dir, 'web'));
      const catalog = join(dir, 'web', 'catalog-info.yaml');
      const runbook = join(dir, 'web', 'runbook.yaml');
      await writeFile(
        catalog,
        [
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          'metadata:',
          '  name: web',
          '  links:',
          '    - url: https://grafana.example.com/d/web',
          '      title: Grafana',
          "    - url: ' JavaScript:alert(document.cookie)'",
          '      title: Admin console',
          "    - url: 'data:text/html,<script>alert(1)</script>'",
          'spec:',
          '  type: website',
          '  lifecycle: production',
          '  owner: team-web',
          '',
        ].join('\n'),
      );
      await writeFile(
        runbook,
        [
          'dashboards:',
          '  - title: Errors',
          "    url: 'java\tscript:alert(1)'",
          '  - title: Latency',
          '    url: https://grafana.example.com/d/latency',
          '',
        ].join('\n'),
      );
      const warnings: Diagnostic[] = [];
      const model = extractRunbooks(dir, { report: (warning) => warnings.push(warning) });
      // The catalog file's first, then its runbook's: runbooks are read once every catalog file is.
      expect(warnings.filter((warning) => warning.code === 'DG_RUNBOOK_UNSAFE_URL')).toEqual([
        expect.objectContaining({
          message:
            'metadata.links link "Admin console" goes to  JavaScript:alert(document.cookie), a URL that runs a script or carries its own content: left out',
          location: { file: catalog, line: 8 },
        }),
        expect.objectContaining({
          message:
            'metadata.links link goes to data:text/html,<script>alert(1)</script>, a URL that runs a script or carries its own content: left out',
          location: { file: catalog, line: 10 },
        }),
        expect.objectContaining({
          message:
            'dashboards link "Errors" goes to java\tscript:alert(1), a URL that runs a script or carries its own content: left out',
          location: { file: runbook, line: 3 },
          hint: 'link to the http(s) page it stands for',
        }),
      ]);
      const service = model.services[0]!;
      expect(service.links.map((link) => link.url)).toEqual(['https://grafana.example.com/d/web']);
      expect(service.runbook.dashboards.map((link) => link.title)).toEqual(['Latency']);
      const page = renderRunbooks(model, templates, { cwd: dir }).pages.find((each) => each.key === 'runbooks/web')!;
      expect(page.markdown).toContain('[Grafana](https://grafana.example.com/d/web)');
      expect(page.markdown).not.toMatch(/script:|data:/i);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a name Backstage refuses is an error at its line, with a name that would do', async () => {
    const bad = await docgenFailure(Promise.resolve().then(() => extractRunbooks(join(fixtures, 'bad-name'))));
    expect(bad).toMatchObject({
      code: 'DG_RUNBOOK_INVALID',
      message: 'metadata.name "invalid component" is not a name Backstage accepts',
      location: { file: join(fixtures, 'bad-name', 'svc', 'catalog-info.yaml'), line: 5 },
      hint: 'letters and digits, with - _ or . between them, at most 63 characters: e.g. "invalid-component"',
    });
  });

  it('a component without an owner is a warning at its name: Backstage refuses it, and on-call has no one to call', () => {
    const warnings: Diagnostic[] = [];
    const model = extractRunbooks(join(fixtures, 'no-owner'), { report: (warning) => warnings.push(warning) });
    expect(model.services.map((service) => service.lifecycle)).toEqual(['dev']);
    expect(warnings.find((warning) => warning.code === 'DG_RUNBOOK_NO_OWNER')).toMatchObject({
      message: 'backstage-monorepo has no spec.owner: Backstage refuses a Component without one',
      location: { file: join(fixtures, 'no-owner', 'repo', 'catalog-info.yaml'), line: 5 },
      hint: 'add spec.owner (group:<team>): the runbook says who owns the service',
    });
  });

  it('a field of the wrong shape (dependsOn: one reference, owner: a list) is an error at its line that shows the shape to write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    const file = join(dir, 'catalog-info.yaml');
    const component = (spec: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\nspec:\n  type: service\n${spec}`;
    await writeFile(file, component('  owner: team-a\n  dependsOn: resource:db\n'));
    const one = await docgenFailure(Promise.resolve().then(() => extractRunbooks(dir)));
    expect(one).toMatchObject({ code: 'DG_RUNBOOK_INVALID', location: { file, line: 8 } });
    expect(one.hint).toBe('write a list, even of one: dependsOn: [resource:db]');
    await writeFile(file, component('  owner: [team-a]\n'));
    const list = await docgenFailure(Promise.resolve().then(() => extractRunbooks(dir)));
    expect(list).toMatchObject({ code: 'DG_RUNBOOK_INVALID', location: { file, line: 7 } });
    expect(list.hint).toBe('owner takes one value, not a list: owner: team-a');
  });

  it('an empty catalog file is a warning at it; an empty spec an error that says to fill it or remove it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    await mkdir(join(dir, 'empty'));
    await mkdir(join(dir, 'svc'));
    await writeFile(join(dir, 'empty', 'catalog-info.yaml'), '# to do\n');
    const file = join(dir, 'svc', 'catalog-info.yaml');
    await writeFile(
      file,
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: svc }\nspec: { owner: team-a }\n',
    );
    const warnings: Diagnostic[] = [];
    extractRunbooks(dir, { report: (warning) => warnings.push(warning) });
    expect(warnings.filter((warning) => warning.code === 'DG_RUNBOOK_NO_COMPONENT')).toEqual([
      expect.objectContaining({ location: { file: join(dir, 'empty', 'catalog-info.yaml'), line: 1 } }),
    ]);
    await writeFile(file, 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: svc }\nspec:\n');
    const error = await docgenFailure(Promise.resolve().then(() => extractRunbooks(dir)));
    expect(error).toMatchObject({ code: 'DG_RUNBOOK_INVALID', location: { file, line: 4 } });
    expect(error.hint).toBe('spec is empty: write its keys under it, indented, or remove the line');
  });

  it('a YAML list of entities is an error that says to write documents instead', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    await mkdir(join(dir, 'svc'));
    const file = join(dir, 'svc', 'catalog-info.yaml');
    await writeFile(file, '- apiVersion: backstage.io/v1alpha1\n  kind: Component\n  metadata: { name: x }\n');
    const error = await docgenFailure(Promise.resolve().then(() => extractRunbooks(dir)));
    expect(error).toMatchObject({
      code: 'DG_RUNBOOK_INVALID',
      message: 'a list of entities: Backstage reads one entity per YAML document',
      location: { file, line: 1 },
    });
    expect(error.hint).toContain('`---` between them');
  });

  it('two components with one title are told apart by their names, not refused on a duplicate title', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    for (const name of ['gateway-eu', 'gateway-us']) {
      await mkdir(join(dir, name));
      await writeFile(
        join(dir, name, 'catalog-info.yaml'),
        `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name}, title: API gateway }\nspec: { owner: team-edge }\n`,
      );
    }
    const tree = renderRunbooks(extractRunbooks(dir), templates, { cwd: dir });
    validatePageTree(tree);
    expect(tree.pages.slice(1).map((page) => [page.key, page.title])).toEqual([
      ['runbooks/gateway-eu', 'Runbook: API gateway (gateway-eu)'],
      ['runbooks/gateway-us', 'Runbook: API gateway (gateway-us)'],
    ]);
    expect(tree.pages[0]!.markdown).toContain('| [API gateway (gateway-eu)](./runbooks__gateway-eu.md) | team-edge |');
  });

  it("follows Locations' relative targets (paths and globs), each file once; a missing one is a warning at its line", () => {
    const dir = join(fixtures, 'locations');
    const warnings: Diagnostic[] = [];
    const model = extractRunbooks(dir, { report: (warning) => warnings.push(warning) });
    expect(model.services.map((service) => service.name)).toEqual(['api', 'web', 'web-worker']);
    expect(model.systems.map((system) => system.title)).toEqual(['Developer platform']);
    expect(warnings.filter((warning) => warning.code !== 'DG_RUNBOOK_EMPTY')).toEqual([
      expect.objectContaining({
        code: 'DG_RUNBOOK_LOCATION',
        message: 'Location root points at ./catalog/resources/gone.yaml, which is not there: skipped',
        location: { file: join(dir, 'catalog-info.yaml'), line: 12 }, // the target's own line
      }),
    ]);
    const index = renderRunbooks(model, templates, { cwd: dir }).pages[0]!.markdown;
    expect(index).toContain('## Developer platform');
    expect(index.match(/^## /gm)).toHaveLength(2); // the platform, and web-worker among other services
  });

  it('a file of kinds Backstage does not know is a warning at the kind, saying what a service is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    await cp(join(fixtures, 'no-owner'), dir, { recursive: true });
    await mkdir(join(dir, 'cart'));
    const file = join(dir, 'cart', 'catalog-info.yaml');
    await writeFile(file, 'apiVersion: backstage.io/v1alpha1\nkind: Service\nmetadata: { name: cart }\n');
    const warnings: Diagnostic[] = [];
    extractRunbooks(dir, { report: (warning) => warnings.push(warning) });
    expect(warnings.find((warning) => warning.code === 'DG_RUNBOOK_NO_COMPONENT')).toMatchObject({
      message: 'no Component here (only Service): no runbook for it',
      location: { file, line: 2 },
      hint: expect.stringMatching(
        /^a service is kind: Component \(spec.type: service\); Backstage's kinds are Component, API/,
      ),
    });
  });

  it('bad input: a typo in runbook.yaml, a YAML syntax error, a duplicate name, a missing folder', async () => {
    const typo = await docgenFailure(Promise.resolve().then(() => extractRunbooks(join(fixtures, 'typo'))));
    expect(typo.code).toBe('DG_RUNBOOK_INVALID');
    // The alert lacks `actions` (line 4) because `action` (line 7) is misspelt: both are said.
    expect(typo.location).toMatchObject({ file: join(fixtures, 'typo', 'svc', 'runbook.yaml'), line: 4 });
    expect(typo.message).toContain('missing required key "alerts[0].actions" (line 4)');
    expect(typo.message).toContain('unknown key "alerts[0].action" (line 7)');
    const syntax = await docgenFailure(Promise.resolve().then(() => extractRunbooks(join(fixtures, 'syntax'))));
    expect(syntax).toMatchObject({
      code: 'DG_RUNBOOK_SYNTAX',
      location: { file: join(fixtures, 'syntax', 'svc', 'catalog-info.yaml') },
    });
    expect(syntax.location?.line).toBeGreaterThanOrEqual(5);
    // In the second document of a file, the excerpt quotes the file's lines, not blank padding.
    const second = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    await mkdir(join(second, 'svc'));
    await writeFile(
      join(second, 'svc', 'catalog-info.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata: { name: shop }\n---\nkind: Component\n  name: svc\n',
    );
    const inSecond = await docgenFailure(Promise.resolve().then(() => extractRunbooks(second)));
    expect(inSecond.location).toMatchObject({ line: 5 });
    expect(inSecond.excerpt).toContain('  3 | metadata: { name: shop }\n  4 | ---\n> 5 | kind: Component');
    const dup = await docgenFailure(Promise.resolve().then(() => extractRunbooks(join(fixtures, 'dup'))));
    expect(dup.code).toBe('DG_RUNBOOK_DUPLICATE');
    const missing = await docgenFailure(Promise.resolve().then(() => extractRunbooks(join(fixtures, 'nope'))));
    expect(missing.code).toBe('DG_RUNBOOK_NOT_FOUND');
    expect(missing.message).toContain('folder not found');
    const file = join(fixtures, 'dup', 'a', 'catalog-info.yaml');
    const notFolder = await docgenFailure(Promise.resolve().then(() => extractRunbooks(file)));
    expect(notFolder.message).toBe(`${file} is a file, not a folder`);
  });
});

describe('metadata.labels', () => {
  it('are a row of the page, each as written; a label Backstage refuses (a number) is an error at its line', async () => {
    // Backstage's own ComponentV1alpha1 example labels its service `product_name: Random value Generator`;
    // invalid-component.yaml, `goVersion` and `category`. Labels were read, and shown nowhere.
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    const catalog = (labels: string) =>
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: lorem-service',
        '  labels:',
        labels,
        'spec: { type: service, lifecycle: production, owner: tools }',
        '',
      ].join('\n');
    await writeFile(join(dir, 'catalog-info.yaml'), catalog('    product_name: Random value Generator\n    tier: "1"'));
    const tree = renderRunbooks(extractRunbooks(dir, { report: () => undefined }), templates, { cwd: dir });
    expect(tree.pages.find((page) => page.key === 'runbooks/lorem-service')!.markdown).toContain(
      '| Labels | `product_name: Random value Generator`, `tier: 1` |',
    );
    await writeFile(join(dir, 'catalog-info.yaml'), catalog('    tier: 1'));
    const number = await docgenFailure(Promise.resolve().then(() => extractRunbooks(dir)));
    expect(number).toMatchObject({ code: 'DG_RUNBOOK_INVALID', location: { line: 6 } });
    expect(number.hint).toBe('quote it, as YAML reads it as a number: tier: "1"');
  });
});

describe('systems, subcomponents and annotations', () => {
  const dir = join(fixtures, 'systems');
  const tree = renderRunbooks(extractRunbooks(dir), templates, { cwd: dir });
  const page = (key: string) => tree.pages.find((item) => item.key === key)!.markdown;

  it('a System is no page; its components show it, and the index groups by it', async () => {
    validatePageTree(tree);
    // A file holding only a System is read without a "no Component here" warning.
    const warnings: Diagnostic[] = [];
    expect(
      extractRunbooks(dir, { report: (warning) => warnings.push(warning) }).systems.map((system) => system.name),
    ).toEqual(['checkout', 'platform']);
    expect(new Set(warnings.map((warning) => warning.code))).toEqual(new Set(['DG_RUNBOOK_EMPTY']));
    // Backstage takes only strings as annotation values: a number is an error at its line.
    const bad = await docgenFailure(Promise.resolve().then(() => extractRunbooks(join(fixtures, 'bad-annotation'))));
    expect(bad).toMatchObject({ code: 'DG_RUNBOOK_INVALID', location: { line: 7 } });
    expect(bad.hint).toBe('quote it, as YAML reads it as a number: acme.com/replicas: "3"');
    expect(tree.pages.map((item) => item.key)).toEqual([
      'runbooks',
      'runbooks/fraud-check',
      'runbooks/ledger',
      'runbooks/payments',
      'runbooks/reports',
    ]);
    const intro =
      'Part of **Checkout**: Everything between the basket and the receipt: pricing, payment and fraud checks.';
    expect(page('runbooks/payments')).toContain(`${intro}\n\n| | |\n`);
    expect(page('runbooks/payments')).toContain('| System | Checkout |');
    // `system:default/checkout` names the same System.
    expect(page('runbooks/fraud-check')).toContain('| System | Checkout |');
    // The ledger's `checkout` is read in its namespace, finance, which has none: shown as written.
    expect(page('runbooks/ledger')).toContain('| System | checkout |');
    expect(page('runbooks/ledger')).not.toContain('Part of **');
    // finance's checkout is another System than default's: its namespace tells the two apart.
    expect(page('runbooks').match(/^## .*$/gm)).toEqual(['## Checkout', '## checkout (finance)', '## Other services']);
    expect(page('runbooks')).toContain(
      '## Checkout\n\nEverything between the basket and the receipt: pricing, payment and fraud checks.\n\n' +
        '| Service | Owner | Lifecycle | On call | Alerts |\n| --- | --- | --- | --- | --- |\n' +
        '| [Fraud check](./runbooks__fraud-check.md) | team-risk | production |  | 0 |\n' +
        '| [Payments](./runbooks__payments.md) | team-checkout | production |  | 0 |\n',
    );
    expect(page('runbooks')).toContain('## Other services\n\n| Service |');
  });

  it("a System's links show on its components' runbooks, after their own, marked as the system's, each URL once", () => {
    const model = extractRunbooks(dir);
    expect(model.systems.find((system) => system.name === 'checkout')!.links).toEqual([
      { url: 'https://wiki.acme.example/checkout/architecture', title: 'Checkout architecture' },
      { url: 'https://acme.slack.com/archives/checkout', title: '#checkout' },
    ]);
    // The channel payments links itself (with a closing `/`) is shown once, as payments titles it.
    expect(page('runbooks/payments')).toContain(
      '## Links\n\n' +
        '- [Checkout channel](https://acme.slack.com/archives/checkout/)\n' +
        '- [Checkout architecture](https://wiki.acme.example/checkout/architecture) (from the system Checkout)\n',
    );
    // `system:default/checkout` is the same System: its links, though the component has none of its own.
    expect(page('runbooks/fraud-check')).toContain(
      '## Links\n\n' +
        '- [Checkout architecture](https://wiki.acme.example/checkout/architecture) (from the system Checkout)\n' +
        '- [\\#checkout](https://acme.slack.com/archives/checkout) (from the system Checkout)\n',
    );
    // finance's checkout is defined nowhere; reports is part of no System: no links to show.
    expect(page('runbooks/ledger')).not.toContain('## Links');
    expect(page('runbooks/reports')).not.toContain('## Links');
  });

  it("a System's links must be Backstage's shape: a url each", async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    await mkdir(join(copy, 'svc'));
    await writeFile(
      join(copy, 'svc', 'catalog-info.yaml'),
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: System',
        'metadata:',
        '  name: shop',
        '  links:',
        '    - title: Shop wiki',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata: { name: cart }',
        'spec: { type: service, lifecycle: production, owner: team-shop, system: shop }',
        '',
      ].join('\n'),
    );
    const error = await docgenFailure(Promise.resolve().then(() => extractRunbooks(copy)));
    expect(error).toMatchObject({
      code: 'DG_RUNBOOK_INVALID',
      location: { file: join(copy, 'svc', 'catalog-info.yaml'), line: 6 },
    });
  });

  it('a subcomponent links its parent, and the parent its subcomponents, across files and namespaces', () => {
    expect(page('runbooks/fraud-check')).toContain('| Part of | [Payments](./runbooks__payments.md) |');
    expect(page('runbooks/ledger')).toContain('| Part of | [Payments](./runbooks__payments.md) |');
    expect(page('runbooks/payments')).toContain(
      '| Subcomponents | [Fraud check](./runbooks__fraud-check.md), [ledger](./runbooks__ledger.md) |',
    );
    // A parent the catalog files do not hold: the reference as written.
    expect(page('runbooks/reports')).toContain('| Part of | `back-office` |');
  });

  it('well-known annotations as rows, linked only where a URL is safe; the rest in a table', () => {
    // The rows after the lifecycle and before the files the page is made from.
    const rows = (markdown: string) => {
      const lines = markdown.split('\n');
      return lines.slice(
        lines.indexOf('| Lifecycle | production |') + 1,
        lines.findIndex((line) => line.startsWith('| Described in |')),
      );
    };
    expect(rows(page('runbooks/payments'))).toEqual([
      '| Repository | [acme/payments](https://github.com/acme/payments) |',
      '| Source location | [https://github.com/acme/payments/tree/main/](https://github.com/acme/payments/tree/main/) |',
      '| View source | `javascript:alert(1)` |',
      '| PagerDuty service | [PPAY123](https://acme.pagerduty.com/service-directory/PPAY123) |',
      '| Sentry project | `acme/payments` |',
      '| Kubernetes id | `payments` |',
      "| Grafana dashboards | `tags @> 'payments' \\|\\| title == 'x'` |",
      '| Datadog dashboard | [https://app.datadoghq.eu/dashboard/abc-123/payments?from=%28now-1h%29](https://app.datadoghq.eu/dashboard/abc-123/payments?from=%28now-1h%29) |',
      '| TechDocs | `dir:.` |',
    ]);
    expect(page('runbooks/payments')).toContain(
      '## Annotations\n\n| Annotation | Value |\n| --- | --- |\n' +
        '| `acme.com/cost-center` | `CC-42` |\n' +
        '| `acme.com/note` | `<b>bold</b> [link](https://evil.example) \\| *x*` |\n' +
        // A value that is a web address is linked; what would end the cell is percent-encoded.
        '| `grafana/overview-dashboard` | [https://grafana.acme.example/d/pay?var=a%7Cb](https://grafana.acme.example/d/pay?var=a%7Cb) |\n',
    );
    // A GitLab host of its own; PagerDuty without a known account host: the id alone.
    expect(rows(page('runbooks/fraud-check'))).toEqual([
      '| Repository | [risk/scoring/fraud-check](https://gitlab.acme.example/risk/scoring/fraud-check) |',
      '| PagerDuty service | `PFRAUD1` |',
      '| Opsgenie team | `Risk` |',
    ]);
    expect(page('runbooks/fraud-check')).not.toContain('## Annotations');
  });

  it("the ADR plugin's backstage.io/adr-location is a row, linked when it is a URL (wingleung/backstage-catalog-demo), as written when a folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    const component = (name: string, location: string) =>
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        `  name: ${name}`,
        `  annotations: { backstage.io/adr-location: '${location}' }`,
        'spec: { type: service, owner: guests, lifecycle: production }',
      ].join('\n');
    await writeFile(
      join(dir, 'catalog-info.yaml'),
      [
        component('user-api', 'https://github.com/acme/demo/tree/main/catalog/user-api/docs/adr'),
        component('payments', 'docs/adr'),
        '',
      ].join('\n---\n'),
    );
    const tree = renderRunbooks(extractRunbooks(dir, { report: () => undefined }), templates, { cwd: dir });
    const page = (key: string) => tree.pages.find((item) => item.key === key)!.markdown;
    expect(page('runbooks/user-api')).toContain(
      '| Decision records | [https://github.com/acme/demo/tree/main/catalog/user-api/docs/adr](https://github.com/acme/demo/tree/main/catalog/user-api/docs/adr) |',
    );
    expect(page('runbooks/payments')).toContain('| Decision records | `docs/adr` |');
    expect(page('runbooks/payments')).not.toContain('## Annotations');
  });

  it('never shows, nor keeps, the value of a key that looks secret', () => {
    const model = extractRunbooks(dir);
    for (const text of [JSON.stringify(model), ...tree.pages.map((item) => item.markdown)])
      expect(text).not.toMatch(/do-not-print|integration-key|api-token|secret-path|password/i);
  });
});

describe('entity references, read as Backstage reads them', () => {
  const dir = join(fixtures, 'system-spellings');

  it('an undefined System spelt in other letters or namespaces is one index group, titled as first written', () => {
    const warnings: Diagnostic[] = [];
    const model = extractRunbooks(dir, { report: (warning) => warnings.push(warning) });
    const index = renderRunbooks(model, templates, { cwd: dir }).pages[0]!.markdown;
    // checkout, Checkout and system:Default/checkout (from namespace finance) are one System.
    // Shown as the first service by title (basket) writes it.
    expect(index.match(/^## .*$/gm)).toEqual(['## Checkout', '## Shared infrastructure']);
    expect(index.split('## Shared')[0]).toMatch(/basket.*\n.*cart.*\n.*refunds/);
    // The spellings differ and no file defines it: the author is told where each is, once.
    const spelling = warnings.filter((warning) => warning.code === 'DG_RUNBOOK_SYSTEM_SPELLING');
    expect(spelling).toHaveLength(1);
    const at = (service: string, line: number) => `${join(dir, service, 'catalog-info.yaml')}:${line}`;
    expect(spelling[0]!.message).toBe(
      `system "Checkout" is also written "checkout" (${at('cart', 11)}), "system:Default/checkout" (${at('refunds', 10)}); ` +
        'Backstage reads them as one System, default/checkout, which no catalog file defines',
    );
    expect(spelling[0]!.location).toMatchObject({ file: join(dir, 'basket', 'catalog-info.yaml'), line: 9 });
    // A defined System written in other letters is no matter: its title is shown.
    expect(warnings.filter((warning) => warning.code !== 'DG_RUNBOOK_EMPTY')).toHaveLength(1);
  });

  it("an undefined System's namespace is said only when another System has its name", () => {
    const model = extractRunbooks(dir);
    const ledger = model.services.find((service) => service.name === 'ledger')!;
    const alone = { ...model, services: [{ ...ledger, system: 'payouts' }] };
    // finance's payouts, the only payouts: no "(finance)" on the index.
    expect(renderRunbooks(alone, templates, { cwd: dir }).pages[0]!.markdown).toContain('## payouts\n');
  });

  it('a defined System, a component and an API are found whatever the letter case of the reference', () => {
    const tree = renderRunbooks(extractRunbooks(dir), templates, { cwd: dir });
    const page = (key: string) => tree.pages.find((item) => item.key === key)!.markdown;
    expect(page('runbooks/gateway')).toContain('| System | Shared infrastructure |');
    expect(page('runbooks/ledger')).toContain('| System | Shared infrastructure |');
    expect(page('runbooks/cart')).toContain('Depends on: [basket](./runbooks__basket.md).');
    expect(page('runbooks/basket')).toContain('Depended on by: [cart](./runbooks__cart.md).');
  });

  it("the Resources and APIs a component names are described as the catalog describes them (Backstage's example catalog), not only named", async () => {
    // After backstage/backstage packages/catalog-model/examples: components/, resources/, apis/.
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    await writeFile(
      join(dir, 'catalog-info.yaml'),
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata: { name: artist-lookup, description: Artist Lookup }',
        'spec:',
        '  type: service',
        '  owner: team-a',
        "  dependsOn: ['resource:artists-db', 'resource:cache']",
        '  providesApis: [petstore]',
        '  consumesApis: [Spotify, searcher]',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata: { name: www-artist }',
        'spec: { type: website, owner: team-a, consumesApis: [petstore] }',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Resource',
        "metadata: { name: artists-db, description: 'Stores artist details. Backed up nightly, e.g. at 2:00.' }",
        'spec: { type: database, owner: team-a }',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: API',
        'metadata: { name: petstore, description: The petstore API }',
        'spec: { type: openapi, lifecycle: experimental, owner: team-c, definition: "openapi: 3.0.0" }',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: API',
        'metadata:',
        '  name: spotify',
        '  title: Spotify Web API',
        '  description: |',
        '    The Spotify web API,',
        '    for playlists.',
        '',
        '    A second paragraph.',
        'spec: { type: openapi, lifecycle: production, owner: team-a, definition: "openapi: 3.0.0" }',
        '',
      ].join('\n'),
    );
    const model = extractRunbooks(dir, { report: () => undefined });
    expect(model.resources.map((entity) => [entity.name, entity.type, entity.description])).toEqual([
      ['artists-db', 'database', 'Stores artist details. Backed up nightly, e.g. at 2:00.'],
    ]);
    expect(model.apis.map((entity) => [entity.name, entity.title, entity.type])).toEqual([
      ['petstore', 'petstore', 'openapi'],
      ['spotify', 'Spotify Web API', 'openapi'],
    ]);
    const tree = renderRunbooks(model, templates, { cwd: dir });
    const page = (key: string) => tree.pages.find((item) => item.key === key)!.markdown;
    // its description's first sentence; one the catalog does not define (cache, searcher) stays a reference
    expect(page('runbooks/artist-lookup')).toContain(
      'Depends on: `resource:artists-db` (database: Stores artist details.), `resource:cache`.',
    );
    expect(page('runbooks/artist-lookup')).toContain(
      'Provides APIs: `petstore` (openapi: The petstore API; used by [www-artist](./runbooks__www-artist.md)).',
    );
    expect(page('runbooks/artist-lookup')).toContain(
      'Consumes APIs: `Spotify` (Spotify Web API, openapi: The Spotify web API, for playlists.), `searcher`.',
    );
  });

  it('a Resource that depends on a component (its CI pipeline, its dashboard: 7K-Group/backstage-catalog) is among its dependents; one it is a dependency of among its dependencies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    await writeFile(
      join(dir, 'catalog-info.yaml'),
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata: { name: platform-api, title: Platform API }',
        'spec: { type: service, owner: group:platform, dependsOn: [resource:platform-db] }',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Resource',
        'metadata: { name: platform-api-ci, title: Platform API CI, description: CI pipeline for platform-api }',
        'spec: { type: github-actions, owner: group:platform, dependsOn: [component:platform-api] }',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Resource',
        'metadata: { name: platform-api-dashboard, namespace: ops }',
        'spec: { type: grafana-dashboard, owner: group:platform, dependsOn: [component:default/platform-api] }',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Resource',
        'metadata: { name: platform-db, description: The platform database. }',
        'spec: { type: database, owner: group:platform, dependencyOf: [component:platform-api] }',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Resource',
        'metadata: { name: queue }',
        'spec: { type: sqs, owner: group:platform, dependencyOf: [platform-api], dependsOn: [component:elsewhere] }',
        '',
      ].join('\n'),
    );
    const warnings: Diagnostic[] = [];
    const model = extractRunbooks(dir, { report: (warning) => warnings.push(warning) });
    expect(warnings.map((warning) => warning.hint)).toEqual([
      'add a runbook.yaml beside catalog-info.yaml: on-call, alerts and their actions, procedures',
    ]);
    const page = renderRunbooks(model, templates, { cwd: dir }).pages.find(
      (item) => item.key === 'runbooks/platform-api',
    )!;
    // said from either side, each once; another namespace's resource is named with it
    expect(page.markdown).toContain(
      'Depends on: `resource:platform-db` (database: The platform database.), `resource:queue` (sqs).',
    );
    expect(page.markdown).toContain(
      'Depended on by: `resource:platform-api-ci` (Platform API CI, github-actions: CI pipeline for platform-api), `resource:ops/platform-api-dashboard` (grafana-dashboard).',
    );
  });

  it("a Backstage app's catalog, listed in app-config.yaml's catalog.locations (create-app: examples/entities.yaml, examples/org.yaml), is read", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    await mkdir(join(dir, 'packages', 'backend'), { recursive: true });
    await mkdir(join(dir, 'examples', 'template'), { recursive: true });
    await writeFile(
      join(dir, 'app-config.yaml'),
      [
        'app:',
        '  title: Scaffolded Backstage App',
        'catalog:',
        '  rules:',
        '    - allow: [Component, System, API, Resource, Location]',
        '  locations:',
        '    # Local example data, file locations are relative to the backend process, typically `packages/backend`',
        '    - type: file',
        '      target: ../../examples/entities.yaml',
        '    - type: file',
        '      target: ../../examples/template/template.yaml',
        '      rules:',
        '        - allow: [Template]',
        '    - type: file',
        '      target: ../../examples/org.yaml',
        '      rules:',
        '        - allow: [User, Group]',
        '    - type: url',
        '      target: https://github.com/backstage/backstage/blob/master/packages/catalog-model/examples/all.yaml',
        '    - type: file',
        '      target: ../../examples/gone.yaml',
        '',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'examples', 'entities.yaml'),
      [
        '---',
        '# https://backstage.io/docs/features/software-catalog/descriptor-format#kind-system',
        'apiVersion: backstage.io/v1alpha1',
        'kind: System',
        'metadata:',
        '  name: examples',
        'spec:',
        '  owner: guests',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: example-website',
        'spec:',
        '  type: website',
        '  lifecycle: experimental',
        '  owner: guests',
        '  system: examples',
        '  providesApis: [example-grpc-api]',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: API',
        'metadata:',
        '  name: example-grpc-api',
        'spec:',
        '  type: grpc',
        '  lifecycle: experimental',
        '  owner: guests',
        '  system: examples',
        '  definition: |',
        '    syntax = "proto3";',
        '',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'examples', 'org.yaml'),
      [
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: User',
        'metadata:',
        '  name: guest',
        'spec:',
        '  memberOf: [guests]',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Group',
        'metadata:',
        '  name: guests',
        'spec:',
        '  type: team',
        '  profile: { email: guests@example.com }',
        '  children: []',
        '',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'examples', 'template', 'template.yaml'),
      'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: example-nodejs-template\nspec:\n  owner: user:guest\n  type: service\n',
    );
    const warnings: Diagnostic[] = [];
    const model = extractRunbooks(dir, { report: (warning) => warnings.push(warning) });
    expect(model.services.map((service) => service.name)).toEqual(['example-website']);
    expect(model.systems.map((system) => system.name)).toEqual(['examples']);
    expect(model.owners!.map((owner) => owner.name)).toEqual(['guest', 'guests']);
    // the missing target is said at its line; the URL is Backstage's; no "no Component here" for org.yaml
    expect(
      warnings
        .filter((warning) => warning.code !== 'DG_RUNBOOK_EMPTY')
        .map((warning) => [warning.code, warning.location]),
    ).toEqual([['DG_RUNBOOK_LOCATION', { file: join(dir, 'app-config.yaml'), line: 21 }]]);
    const page = renderRunbooks(model, templates, { cwd: dir }).pages.find(
      (item) => item.key === 'runbooks/example-website',
    )!.markdown;
    expect(page).toContain('| Owner | guests ([guests@example.com](mailto:guests@example.com)) |');
    expect(page).toContain('Provides APIs: `example-grpc-api` (grpc).');
  });

  it('a file a Location lists (janus-idp/backstage-showcase catalog-entities: resources, apis, groups) is no "no Component here" warning, unless its kind is none of Backstage\'s', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    await mkdir(join(dir, 'resources'));
    const entity = (kind: string, name: string, spec: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata: { name: ${name} }\nspec: ${spec}\n`;
    await writeFile(
      join(dir, 'catalog-info.yaml'),
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Location',
        'metadata: { name: entities }',
        'spec: { targets: [./resources/pgdb.yaml, ./apis.yaml, ./groups.yaml, ./odd.yaml] }',
        '---',
        entity('Component', 'showcase', '{ type: website, owner: janus-authors, dependsOn: [resource:pgdb] }'),
      ].join('\n'),
    );
    await writeFile(join(dir, 'resources', 'pgdb.yaml'), entity('Resource', 'pgdb', '{ type: database, owner: a }'));
    await writeFile(join(dir, 'apis.yaml'), entity('API', 'nexus', '{ type: openapi, owner: a, definition: x }'));
    await writeFile(join(dir, 'groups.yaml'), entity('Group', 'janus-authors', '{ type: team, children: [] }'));
    await writeFile(join(dir, 'odd.yaml'), entity('Service', 'cart', '{ owner: a }'));
    // a catalog-info.yaml the search finds, with Groups only, is still said
    await mkdir(join(dir, 'org'));
    await writeFile(join(dir, 'org', 'catalog-info.yaml'), entity('Group', 'platform', '{ type: team, children: [] }'));
    const warnings: Diagnostic[] = [];
    extractRunbooks(dir, { report: (warning) => warnings.push(warning) });
    expect(
      warnings
        .filter((warning) => warning.code === 'DG_RUNBOOK_NO_COMPONENT')
        .map((warning) => [warning.location?.file, warning.message]),
    ).toEqual([
      [join(dir, 'org', 'catalog-info.yaml'), 'no Component here (only Group): no runbook for it'],
      [join(dir, 'odd.yaml'), 'no Component here (only Service): no runbook for it'],
    ]);
  });

  it('an owner the catalog defines (kind: Group or User) is shown by its display name, with its e-mail address and links', async () => {
    // As 7K-Group/backstage-catalog keeps its teams: a Group with spec.profile.displayName.
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    await writeFile(
      join(dir, 'catalog-info.yaml'),
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata: { name: platform-api }',
        'spec: { type: service, owner: group:default/platform-admin }',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata: { name: batch }',
        'spec: { type: service, owner: user:jdoe }',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata: { name: legacy }',
        'spec: { type: service, owner: team-nobody-defines }',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Group',
        'metadata:',
        '  name: Platform-Admin',
        '  links:',
        '    - { url: "https://acme.slack.com/archives/C0PLATFORM", title: "#platform-admin" }',
        '    - { url: "javascript:alert(1)", title: not a web page }',
        'spec:',
        '  type: team',
        '  profile: { displayName: Platform Admin Team, email: platform-admin@acme.example }',
        '  children: []',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: User',
        'metadata: { name: jdoe, title: Jane_Doe }',
        'spec: { profile: { email: "not an address" }, memberOf: [platform-admin] }',
        '',
      ].join('\n'),
    );
    const model = extractRunbooks(dir, { report: () => undefined });
    expect(model.owners!.map((owner) => [owner.kind, owner.name, owner.displayName, owner.email])).toEqual([
      ['group', 'Platform-Admin', 'Platform Admin Team', 'platform-admin@acme.example'],
      ['user', 'jdoe', 'Jane_Doe', undefined],
    ]);
    const tree = renderRunbooks(model, templates, { cwd: dir });
    const page = (key: string) => tree.pages.find((item) => item.key === key)!.markdown;
    // found in any letter case; only web links and a plain address are links
    expect(page('runbooks/platform-api')).toContain(
      '| Owner | Platform Admin Team ([platform-admin@acme.example](mailto:platform-admin@acme.example), [\\#platform-admin](https://acme.slack.com/archives/C0PLATFORM)) |',
    );
    expect(page('runbooks/batch')).toContain('| Owner | Jane\\_Doe |');
    expect(page('runbooks/legacy')).toContain('| Owner | team-nobody-defines |');
    expect(page('runbooks')).toContain('| [platform-api](./runbooks__platform-api.md) | Platform Admin Team |');
  });

  it('an owner is shown as Backstage shows it: no group: kind, no default or own namespace', () => {
    const tree = renderRunbooks(extractRunbooks(dir), templates, { cwd: dir });
    const page = (key: string) => tree.pages.find((item) => item.key === key)!.markdown;
    expect(page('runbooks/cart')).toContain('| Owner | team-checkout |');
    // group:finance/team-refunds, written by a component of namespace finance.
    expect(page('runbooks/refunds')).toContain('| Owner | team-refunds |');
    expect(page('runbooks')).toContain('| [refunds](./runbooks__refunds.md) | team-refunds | production |');
    const shown = (owner: string, namespace = 'default') => ownerName(owner, namespace);
    expect(shown('group:default/platform-admins')).toBe('platform-admins');
    expect(shown('default/team-a', 'alternative')).toBe('team-a');
    expect(shown('group:redhat/one-platform-devs', 'devex')).toBe('redhat/one-platform-devs');
    expect(shown('user:guest')).toBe('user:guest');
    expect(shown('User:default/jane.doe')).toBe('user:jane.doe');
  });

  it('two components whose names differ only in letter case are one entity to Backstage: refused', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    await cp(dir, copy, { recursive: true });
    const file = join(copy, 'cart', 'catalog-info.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('name: cart', 'name: Basket'));
    const dup = await docgenFailure(Promise.resolve().then(() => extractRunbooks(copy)));
    expect(dup).toMatchObject({ code: 'DG_RUNBOOK_DUPLICATE', location: { line: 6 } });
    expect(dup.message).toMatch(/^two components are named "Basket" and "basket"/);
  });
});

describe('runbook pages', () => {
  it("closes raw HTML a service's description leaves open, before the page's own tables", () => {
    const model = extractRunbooks(services);
    const [first] = model.services;
    first!.description = 'Serves the shop.\n\n<details>\n<summary>History</summary>\n\nSplit from the monolith.';
    const tree = renderRunbooks(model, templates, { cwd: join(repoRoot, 'examples', 'acme-shop') });
    const markdown = tree.pages.find((page) => page.title === `Runbook: ${first!.title}`)!.markdown;
    expect(markdown).toContain('Split from the monolith.\n\n</details>\n');
    expect(markdown.indexOf('</details>')).toBeLessThan(markdown.indexOf('| | |'));
  });

  it("nests the headings of a service's description and notes under the page's own", () => {
    const model = extractRunbooks(services);
    const [first] = model.services;
    first!.description = '# Overview\n\nServes the shop.';
    first!.runbook.notes = '# Escalation\n\nCall the lead.\n\n## Out of hours\n\nPage them.';
    const tree = renderRunbooks(model, templates, { cwd: join(repoRoot, 'examples', 'acme-shop') });
    const markdown = tree.pages.find((page) => page.title === `Runbook: ${first!.title}`)!.markdown;
    const headings = markdown.match(/^#+ .*$/gm)!;
    expect(headings[0]).toBe('## Overview');
    expect(headings.slice(headings.indexOf('## Notes'))).toEqual(['## Notes', '### Escalation', '#### Out of hours']);
  });

  it('an index and a page per service; dependencies link to the runbooks that exist', () => {
    const tree = renderRunbooks(extractRunbooks(services), templates, { cwd: join(repoRoot, 'examples', 'acme-shop') });
    validatePageTree(tree);
    expect(tree.pages.map((page) => [page.key, page.title])).toEqual([
      ['runbooks', 'Runbooks'],
      ['runbooks/accounts', 'Runbook: Accounts service'],
      ['runbooks/catalog', 'Runbook: Catalog service'],
      ['runbooks/notifications', 'Runbook: Notifications service'],
      ['runbooks/orders', 'Runbook: Orders service'],
      ['runbooks/payments', 'Runbook: Payments service'],
    ]);
    const page = (key: string) => tree.pages.find((item) => item.key === key)!.markdown;
    expect(page('runbooks')).toContain(
      '| [Catalog service](./runbooks__catalog.md) | team-storefront | production | Storefront | 2 (1 critical) |',
    );
    const catalog = page('runbooks/catalog');
    expect(catalog).toContain('Depends on: `resource:shop-db`, [Accounts service](./runbooks__accounts.md).');
    expect(catalog).toContain('Depended on by: [Orders service](./runbooks__orders.md).');
    expect(catalog).toContain('::anchor[alert-cataloghigherrorrate]\n\n### CatalogHighErrorRate');
    expect(catalog).toContain(':status[critical]{colour=Red} More than 2% of requests fail');
    expect(catalog).toContain(
      '| Described in | `services/catalog/catalog-info.yaml`, `services/catalog/runbook.yaml` |',
    );
    expect(page('runbooks/accounts')).toContain('## Notes\n\nSign-in problems');
    // Its notes' file is where a reader goes to change them, as runbook.yaml is.
    expect(page('runbooks/accounts')).toContain(
      '| Described in | `services/accounts/catalog-info.yaml`, `services/accounts/runbook.md` |',
    );
    expect(tree.pages[2]!.labels).toEqual(['runbook', 'lifecycle-production']);
  });

  it('puts what on-call needs at 3 a.m. first: who to page, then dashboards, alerts and procedures, then the rest', () => {
    const tree = renderRunbooks(extractRunbooks(services), templates, { cwd: join(repoRoot, 'examples', 'acme-shop') });
    const catalog = tree.pages.find((item) => item.key === 'runbooks/catalog')!.markdown;
    // On call and escalation right under the component, before who owns it and where it belongs.
    const rows = catalog.match(/^\| (\w[\w ]*?) \|/gm)!.map((row) => row.slice(2, -2));
    expect(rows.slice(0, 4)).toEqual(['Component', 'On call', 'Escalation', 'Owner']);
    const sections = catalog.match(/^## .+$/gm);
    expect(sections).toEqual([
      '## Dashboards',
      '## Alerts',
      '## Procedures',
      '## Service level objectives',
      '## Dependencies',
      '## Links',
    ]);
  });

  it('a file outside the working folder (--dir given from elsewhere) is named from the services folder, not by climbing out', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'docgen-runbook-cwd-'));
    const tree = renderRunbooks(extractRunbooks(services, { report: () => undefined }), templates, { cwd: elsewhere });
    const catalog = tree.pages.find((item) => item.key === 'runbooks/catalog')!.markdown;
    expect(catalog).toContain('| Described in | `catalog/catalog-info.yaml`, `catalog/runbook.yaml` |');
  });

  it('shows an objective written as a comparison (> 99.9% …, >= 2 replicas) as written, not as a block quote', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-slo-'));
    await mkdir(join(dir, 'payments'));
    await cp(join(services, 'payments', 'catalog-info.yaml'), join(dir, 'payments', 'catalog-info.yaml'));
    await writeFile(
      join(dir, 'payments', 'runbook.yaml'),
      [
        'oncall:',
        '  team: Checkout',
        'slos:',
        '  - name: Charges succeed',
        "    objective: '> 99.9% of POST /charges return 2xx'",
        '    window: 28 days',
        '  - name: Workers stay up',
        "    objective: '>=2 refund workers running'",
      ].join('\n'),
    );
    const tree = renderRunbooks(extractRunbooks(dir, { report: () => undefined }), templates, { cwd: dir });
    const page = tree.pages.find((item) => item.key === 'runbooks/payments')!.markdown;
    expect(page).toContain('| Charges succeed | > 99.9% of POST /charges return 2xx | 28 days |');
    expect(page).toContain('| Workers stay up | >=2 refund workers running |');
    expect(page).not.toContain('<blockquote>');
  });
});

describe('page layout', () => {
  /** A catalog of services, one folder each, every one with a different set of the page's optional parts. */
  async function catalogOfCombinations(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    const parts = {
      dependsOn: '  dependsOn: [component:bare]',
      providesApis: '  providesApis: [orders-api]',
      consumesApis: '  consumesApis: [orders-api]',
    };
    const runbooks = {
      none: undefined,
      alerts: ['alerts:', '  - { name: Down, severity: critical, meaning: It is down., actions: [Restart it.] }'],
      procedures: ['procedures:', '  - { title: Restart, steps: [Restart it.] }'],
      both: [
        'oncall: { team: Ops }',
        'alerts:',
        '  - { name: Down, severity: critical, meaning: It is down., actions: [Restart it.] }',
        'procedures:',
        '  - { title: Restart, when: It is down., steps: [Restart it.] }',
      ],
    };
    const names = Object.keys(parts) as Array<keyof typeof parts>;
    // Every subset of the dependency lines, each with one of the runbook shapes in turn.
    for (let mask = 0; mask < 2 ** names.length; mask++) {
      const present = names.filter((_, bit) => mask & (1 << bit));
      const runbook = Object.values(runbooks)[mask % 4];
      const name = `svc-${mask}`;
      await mkdir(join(dir, name));
      await writeFile(
        join(dir, name, 'catalog-info.yaml'),
        [
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          `metadata: { name: ${name}${mask % 3 ? ', description: A service.' : ''} }`,
          'spec:',
          '  type: service',
          '  owner: team-a',
          ...present.map((part) => parts[part]),
          '',
        ].join('\n'),
      );
      if (runbook) await writeFile(join(dir, name, 'runbook.yaml'), [...runbook, ''].join('\n'));
    }
    return dir;
  }

  it('no page has a doubled blank line, whichever of its dependency lines, alerts and procedures it has', async () => {
    const dir = await catalogOfCombinations();
    const tree = renderRunbooks(extractRunbooks(dir, { report: () => undefined }), templates, { cwd: dir });
    expect(tree.pages).toHaveLength(9);
    for (const page of tree.pages) {
      expect([page.key, page.markdown]).not.toEqual([page.key, expect.stringMatching(/\n[ \t]*\n[ \t]*\n/)]);
      expect([page.key, page.markdown]).toEqual([page.key, expect.stringMatching(/[^\n]\n$/)]);
    }
    const page = (key: string) => tree.pages.find((item) => item.key === key)!.markdown;
    // depends on and provides, no consumes line: the section ends with its last line, after the
    // alerts and procedures on-call reads first
    expect(page('runbooks/svc-3')).toMatch(
      /\n## Procedures\n[^]*\n## Dependencies\n\nDepends on: `component:bare`\.\n\nProvides APIs: `orders-api` \(used by \[svc-4\]\(\.\/runbooks__svc-4\.md\), \[svc-5\]\(\.\/runbooks__svc-5\.md\), \[svc-6\]\(\.\/runbooks__svc-6\.md\), \[svc-7\]\(\.\/runbooks__svc-7\.md\)\)\.\n$/,
    );
  });
});

describe('APIs named by what serves them', () => {
  it('a consumesApis entry naming a Component links its runbook, and that runbook says who consumes it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    await writeFile(
      join(dir, 'catalog-info.yaml'),
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata: { name: checkout }',
        "spec: { type: service, owner: team-a, consumesApis: ['component:payments', 'component:gone'] }",
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata: { name: payments, title: Payments service }',
        'spec: { type: service, owner: team-b }',
        '',
      ].join('\n'),
    );
    const tree = renderRunbooks(extractRunbooks(dir, { report: () => undefined }), templates, { cwd: dir });
    const page = (key: string) => tree.pages.find((item) => item.key === key)!.markdown;
    expect(page('runbooks/checkout')).toContain(
      'Consumes APIs: [Payments service](./runbooks__payments.md), `component:gone`.',
    );
    expect(page('runbooks/payments')).toContain('## Dependencies\n\nConsumed by: [checkout](./runbooks__checkout.md).');
  });

  it("Markdown links in an API's, a Resource's or a System's description are links in its one-line summary (web pages) or their text (files)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    await writeFile(
      join(dir, 'catalog-info.yaml'),
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata: { name: checkout }',
        'spec: { type: service, owner: team-a, system: shop, consumesApis: [payments], dependsOn: [resource:db] }',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: API',
        'metadata:',
        '  name: payments',
        '  description: The [Payments API, v2. See its guide](https://docs.example.com/payments) for *cards*. More.',
        'spec: { type: openapi, lifecycle: production, owner: team-b, definition: "openapi: 3.0.0" }',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Resource',
        'metadata: { name: db, description: "Orders, as [the schema](./schema.prisma) has them; see <https://db.example.com>." }',
        'spec: { type: database, owner: team-a }',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: System',
        'metadata: { name: shop, description: "The shop, [documented](https://shop.example.com/docs)." }',
        'spec: { owner: team-a }',
        '',
      ].join('\n'),
    );
    const tree = renderRunbooks(extractRunbooks(dir, { report: () => undefined }), templates, { cwd: dir });
    const page = (key: string) => tree.pages.find((item) => item.key === key)!.markdown;
    // the sentence ends after the link, not at the full stop inside its text; other Markdown stays escaped
    expect(page('runbooks/checkout')).toContain(
      'Consumes APIs: `payments` (openapi: The [Payments API, v2. See its guide](https://docs.example.com/payments) for \\*cards\\*.).',
    );
    expect(page('runbooks/checkout')).toContain(
      'Depends on: `resource:db` (database: Orders, as the schema has them; see <https://db.example.com>.).',
    );
    expect(page('runbooks/checkout')).toContain(
      'Part of **shop**: The shop, [documented](https://shop.example.com/docs).',
    );
    expect(page('runbooks')).toContain('## shop\n\nThe shop, [documented](https://shop.example.com/docs).\n');
  });
});

describe("runbook.md's front matter", () => {
  const catalog = (name: string) =>
    `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-payments\n`;

  it("is no part of the notes: its fields for readers are a table over them, a site's keys left out; lines stay the file's", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    await mkdir(join(dir, 'payments'));
    await writeFile(join(dir, 'payments', 'catalog-info.yaml'), catalog('payments'));
    await writeFile(
      join(dir, 'payments', 'runbook.md'),
      '---\ntitle: Payments runbook\nsidebar_position: 3\nservice: payments\nseverity: SEV2\ntags: [payments, oncall]\nlast_reviewed: 2024-05-01\napi_token: s3cret\n---\n\n# Payments runbook\n\nSee [gone](./gone.png).\n',
    );
    const warnings: Diagnostic[] = [];
    const model = extractRunbooks(dir, { report: (warning) => warnings.push(warning) });
    const { runbook } = model.services[0]!;
    expect(runbook.notesFields).toEqual([
      { label: 'service', value: 'payments' },
      { label: 'severity', value: 'SEV2' },
      { label: 'tags', value: 'payments, oncall' },
      { label: 'last_reviewed', value: '2024-05-01' },
    ]);
    expect(runbook.notes).toBe('# Payments runbook\n\nSee [gone](./gone.png).');
    expect(runbook.notesFrom!.line).toBe(11);
    const page = renderRunbooks(model, templates, { cwd: dir }).pages[1]!;
    expect(page.markdown).toContain(
      '## Notes\n\n| | |\n| --- | --- |\n| `service` | payments |\n| `severity` | SEV2 |\n| `tags` | payments, oncall |\n| `last_reviewed` | 2024-05-01 |\n\n### Payments runbook\n',
    );
    expect(page.markdown).not.toMatch(/s3cret|sidebar_position|title:/);
    expect(warnings.filter((warning) => warning.code !== 'DG_RUNBOOK_EMPTY')).toEqual([]);
  });

  it('that does not parse is a warning at its line, and left out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docgen-runbook-'));
    await mkdir(join(dir, 'orders'));
    await writeFile(join(dir, 'orders', 'catalog-info.yaml'), catalog('orders'));
    await writeFile(join(dir, 'orders', 'runbook.md'), '---\ntitle: Orders\nseverity: [oops\n---\n\n# Orders\n');
    const warnings: Diagnostic[] = [];
    const { runbook } = extractRunbooks(dir, { report: (warning) => warnings.push(warning) }).services[0]!;
    expect([runbook.notes, runbook.notesFields, runbook.notesFrom!.line]).toEqual(['# Orders', undefined, 6]);
    expect(warnings.map((warning) => [warning.code, warning.severity, warning.location?.line])).toEqual([
      ['DG_RUNBOOK_SYNTAX', 'warning', 3],
    ]);
  });
});
