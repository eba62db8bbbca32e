import { relative } from 'node:path';
import { placeFragment, pageFileStem, pageKey, type Page, type PageTree, type TemplateRenderer } from '@docgen/core';
import type { RunbookModel, Service } from './model.js';

/**
 * Model → pages:
 *
 *   Runbooks                    index.hbs     every service: owner, lifecycle, on-call, alerts
 *   ├── Runbook: <title>        service.hbs   ownership, links, dependencies (linked when they have a
 *   └── …                                     runbook), dashboards, SLOs, alerts and what to do, procedures, notes
 *
 * Keys are `<key>/<name>` (default `runbooks/<metadata.name>`): renaming the title keeps the page.
 */
export interface RenderRunbookOptions {
  title?: string;
  key?: string;
  labels?: string[];
  cwd?: string;
}

const SEVERITY_COLOURS: Record<string, string> = {
  critical: 'Red',
  high: 'Red',
  medium: 'Yellow',
  low: 'Blue',
  info: 'Grey',
};

export function renderRunbooks(
  model: RunbookModel,
  templates: TemplateRenderer,
  options: RenderRunbookOptions = {},
): PageTree {
  const root = pageKey(options.key ?? 'runbooks');
  const title = options.title ?? 'Runbooks';
  const labels = ['runbook', ...(options.labels ?? [])];
  const keyOf = (service: Service) => pageKey(root, service.name);
  const linkOf = (service: Service) => `./${pageFileStem(keyOf(service))}.md`;
  const byName = new Map(model.services.map((service) => [service.name, service]));
  const shown = (file: string) => relative(options.cwd ?? process.cwd(), file) || file;
  const reference = (ref: string) => {
    const { kind, name } = parseEntityRef(ref);
    const target = kind === 'component' ? byName.get(name) : undefined;
    return { ref, kind, name, title: target?.title, link: target ? linkOf(target) : undefined };
  };

  const pages: Page[] = [
    {
      key: root,
      title,
      labels,
      attachments: [],
      position: 0,
      source: { plugin: 'runbook', file: model.dir },
      markdown: templates.render('index', {
        services: model.services.map((service) => ({
          ...service,
          link: linkOf(service),
          alertCount: service.runbook.alerts.length,
          critical: service.runbook.alerts.filter((alert) => alert.severity === 'critical').length,
        })),
      }),
    },
  ];
  model.services.forEach((service, index) => {
    pages.push({
      key: keyOf(service),
      title: `Runbook: ${service.title}`,
      parentKey: root,
      position: index + 1,
      labels: [...labels, ...(service.lifecycle ? [`lifecycle-${pageKey(service.lifecycle)}`] : [])],
      attachments: [],
      source: { plugin: 'runbook', file: service.file },
      markdown: templates.render('service', {
        ...service,
        description: placeFragment(service.description, 2), // above the page's `##` sections
        runbook: { ...service.runbook, notes: placeFragment(service.runbook.notes, 3) }, // under `## Notes`
        file: shown(service.file),
        runbookFile: service.runbookFile && shown(service.runbookFile),
        dependsOn: service.dependsOn.map(reference),
        dependents: model.services
          .filter((other) =>
            other.dependsOn.some(
              (ref) => parseEntityRef(ref).name === service.name && parseEntityRef(ref).kind === 'component',
            ),
          )
          .map((other) => ({ title: other.title, link: linkOf(other) })),
        alerts: service.runbook.alerts.map((alert) => ({
          ...alert,
          anchor: `alert-${pageKey(alert.name)}`,
          lozenge: `:status[${alert.severity}]{colour=${SEVERITY_COLOURS[alert.severity]}}`,
        })),
      }),
    });
  });
  return { pages };
}

/** `component:default/orders` → kind `component`, name `orders`; a bare name is a component. */
export function parseEntityRef(ref: string): { kind: string; namespace?: string; name: string } {
  const match = /^(?:([^:/]+):)?(?:([^/]+)\/)?(.+)$/.exec(ref.trim());
  return { kind: (match?.[1] ?? 'component').toLowerCase(), namespace: match?.[2], name: match?.[3] ?? ref };
}
