import { isAbsolute, relative } from 'node:path';
import {
  attachLinkedFiles,
  embeddedLines,
  escapeMarkdownInline,
  placeFragment,
  pageFileStem,
  pageKey,
  type Page,
  type PageTree,
  type TemplateRenderer,
} from '@docgen/core';
import { annotationRows } from './annotations.js';
import type { CatalogEntity, Link, Owner, Runbook, RunbookModel, Service, System } from './model.js';
import { entityId, ownerName, ownId, parseEntityRef } from './refs.js';

/**
 * Model → pages:
 *
 *   Runbooks                    index.hbs     every service, by system: owner, lifecycle, on-call, alerts
 *   ├── Runbook: <title>        service.hbs   ownership, system, parent and subcomponents, tools (annotations),
 *   └── …                                     links, dependencies (linked when they have a runbook), dashboards,
 *                                             SLOs, alerts and what to do, procedures, notes, other annotations
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
  // A name used in one namespace only keeps the key and title it always had; the same name in two
  // namespaces is told apart by its namespace, in both (names compared as Backstage does, in any case).
  const namespacesOf = new Map<string, Set<string>>();
  for (const { name, namespace } of model.services)
    namespacesOf.set(
      name.toLowerCase(),
      (namespacesOf.get(name.toLowerCase()) ?? new Set()).add(namespace.toLowerCase()),
    );
  const shared = (service: Service) => (namespacesOf.get(service.name.toLowerCase())?.size ?? 0) > 1;
  const keyOf = (service: Service) =>
    shared(service) ? pageKey(root, service.namespace, service.name) : pageKey(root, service.name);
  const namespaced = (service: Service) =>
    shared(service) ? `${service.title} (${service.namespace})` : service.title;
  // Two components with one title (Confluence titles are unique in a space, in any case) are told
  // apart by their names: "API Gateway (gateway-eu)".
  const titleCount = new Map<string, number>();
  for (const service of model.services)
    titleCount.set(namespaced(service).toLowerCase(), (titleCount.get(namespaced(service).toLowerCase()) ?? 0) + 1);
  const titleOf = (service: Service) =>
    (titleCount.get(namespaced(service).toLowerCase()) ?? 0) > 1
      ? `${namespaced(service)} (${service.name})`
      : namespaced(service);
  const linkOf = (service: Service) => `./${pageFileStem(keyOf(service))}.md`;
  const byId = new Map(model.services.map((service) => [ownId('component', service), service]));
  // As the repository names it, from the config's folder; a file outside that folder (`--dir` given
  // from elsewhere, a CI runner's checkout) from the services folder, not by climbing out of it
  // (`../../../home/runner/…` says where the run happened, not where the file is kept).
  const shown = (file: string) => {
    const fromCwd = relative(options.cwd ?? process.cwd(), file);
    return (fromCwd.startsWith('..') || isAbsolute(fromCwd) ? relative(model.dir, file) : fromCwd) || file;
  };
  /** An entity reference from `from`: without a namespace, it is in `from`'s (as Backstage reads it). */
  const resolve = (ref: string, from: Service) => {
    const { kind, name } = parseEntityRef(ref);
    return { kind, name, target: byId.get(entityId(ref, 'component', from.namespace)) };
  };
  const reference = (ref: string, from: Service) => {
    const { kind, name, target } = resolve(ref, from);
    return {
      ref,
      kind,
      name,
      title: target && titleOf(target),
      link: target ? linkOf(target) : undefined,
      about: target ? undefined : aboutOf(ref, 'component', from),
    };
  };
  const aboutOf = catalogDescriber(model);
  // `consumesApis: [component:payments]`: some catalogs name the component that serves an API, not the API.
  const servingComponent = (ref: string, from: Service) => {
    const id = entityId(ref, 'api', from.namespace);
    return id.startsWith('component:') ? byId.get(id) : undefined;
  };
  const systemOf = systemResolver(model);
  const relatedEntities = catalogEdges(model);
  const subcomponentsOf = (service: Service) =>
    model.services
      .filter((other) => other.subcomponentOf && resolve(other.subcomponentOf, other).target === service)
      .map((other) => ({ title: titleOf(other), link: linkOf(other) }));
  const ownerOf = ownerResolver(model);
  const row = (service: Service) => ({
    ...service,
    // `owner` stays the reference as written (for templates made before); `ownerName` as shown.
    ownerName: service.owner && (ownerOf(service)?.displayName ?? ownerName(service.owner, service.namespace)),
    title: titleOf(service),
    link: linkOf(service),
    alertCount: service.runbook.alerts.length,
    critical: service.runbook.alerts.filter((alert) => alert.severity === 'critical').length,
  });

  const pages: Page[] = [
    {
      key: root,
      title,
      labels,
      attachments: [],
      position: 0,
      source: { plugin: 'runbook', file: model.dir },
      markdown: templates.render('index', {
        services: model.services.map(row),
        groups: systemGroups(model.services, systemOf).map((group) => ({
          ...group,
          services: group.services.map(row),
        })),
      }),
    },
  ];
  model.services.forEach((service, index) => {
    // Files runbook.md links to (a failover diagram) are attached to the page, as for an ADR.
    const linked =
      service.runbook.notes && service.runbook.notesFrom
        ? attachLinkedFiles(service.runbook.notes, service.runbook.notesFrom.file)
        : { markdown: service.runbook.notes, attachments: [] };
    const notes = placeFragment(linked.markdown, 3); // under `## Notes`
    const markdown = templates.render('service', {
      ...service,
      description: placeFragment(service.description, 2), // above the page's `##` sections
      runbook: { ...service.runbook, notes },
      file: shown(service.file),
      runbookFile: service.runbookFile && shown(service.runbookFile),
      notesFile: service.runbook.notesFrom && shown(service.runbook.notesFrom.file),
      namespace: service.namespace === 'default' ? undefined : service.namespace,
      ownerName: service.owner && (ownerOf(service)?.displayName ?? ownerName(service.owner, service.namespace)),
      ownerEntity: service.owner ? ownerEntity(ownerOf(service)) : undefined,
      // `system` stays the reference as written (for templates made before); the entity beside it.
      systemEntity: service.system ? systemOf(service).entity : undefined,
      links: pageLinks(service, service.system ? systemOf(service).entity : undefined),
      subcomponentOf: service.subcomponentOf && reference(service.subcomponentOf, service),
      subcomponents: subcomponentsOf(service),
      annotations: annotationRows(service.annotations),
      labels: service.labels.map(({ key, value }) => `${key}: ${value}`),
      // `dependsOn` on one side or `dependencyOf` on the other: either says the same edge.
      dependsOn: [
        ...service.dependsOn.map((ref) => reference(ref, service)),
        ...model.services
          .filter(
            (other) => other !== service && other.dependencyOf.some((ref) => resolve(ref, other).target === service),
          )
          .filter((other) => !service.dependsOn.some((ref) => resolve(ref, service).target === other))
          .map((other) => ({
            ref: other.name,
            kind: 'component',
            name: other.name,
            title: titleOf(other),
            link: linkOf(other),
          })),
        // A Resource or API whose `dependencyOf` names this component.
        ...relatedEntities(service, 'dependencyOf')
          .filter((ref) => !service.dependsOn.some((own) => sameEntity(own, service, ref, service)))
          .map((ref) => reference(ref, service)),
      ],
      dependents: [
        ...model.services
          .filter(
            (other) =>
              other.dependsOn.some((ref) => resolve(ref, other).target === service) ||
              service.dependencyOf.some((ref) => resolve(ref, service).target === other),
          )
          .map((other) => ({ title: titleOf(other), link: linkOf(other) })),
        // What the component names in its own `dependencyOf` that has no runbook here (a service of
        // another repository, a Resource): shown as written, as a `dependsOn` entry is.
        ...service.dependencyOf.filter((ref) => !resolve(ref, service).target).map((ref) => reference(ref, service)),
        // A Resource or API that depends on this component (its CI pipeline, its dashboard), unless
        // the component already names it as a dependent.
        ...relatedEntities(service, 'dependsOn')
          .filter((ref) => !service.dependencyOf.some((own) => sameEntity(own, service, ref, service)))
          .map((ref) => ({ ref, about: aboutOf(ref, 'resource', service) })),
      ],
      // An API links to the runbooks of the services on its other side.
      providesApis: service.providesApis.map((ref) => ({
        ref,
        about: aboutOf(ref, 'api', service),
        others: model.services
          .filter((other) => other.consumesApis.some((api) => sameApi(api, other, ref, service)))
          .map((other) => ({ title: titleOf(other), link: linkOf(other) })),
      })),
      consumesApis: service.consumesApis.map((ref) => ({
        ref,
        ...(servingComponent(ref, service) && {
          title: titleOf(servingComponent(ref, service)!),
          link: linkOf(servingComponent(ref, service)!),
        }),
        about: aboutOf(ref, 'api', service),
        others: model.services
          .filter((other) => other.providesApis.some((api) => sameApi(api, other, ref, service)))
          .map((other) => ({ title: titleOf(other), link: linkOf(other) })),
      })),
      // The services whose consumesApis name this component itself.
      consumers: model.services
        .filter(
          (other) => other !== service && other.consumesApis.some((ref) => servingComponent(ref, other) === service),
        )
        .map((other) => ({ title: titleOf(other), link: linkOf(other) })),
      alerts: service.runbook.alerts.map((alert) => ({
        ...alert,
        anchor: `alert-${pageKey(alert.name)}`,
        lozenge: `:status[${alert.severity}]{colour=${SEVERITY_COLOURS[alert.severity]}}`,
      })),
    });
    pages.push({
      key: keyOf(service),
      title: `Runbook: ${titleOf(service)}`,
      parentKey: root,
      position: index + 1,
      labels: [...labels, ...(service.lifecycle ? [`lifecycle-${pageKey(service.lifecycle)}`] : [])],
      attachments: linked.attachments,
      source: { plugin: 'runbook', file: service.file },
      markdown,
      embedded: notesLines(markdown, notes, linked.markdown, service.runbook.notesFrom),
    });
  });
  return { pages };
}

/**
 * Where `runbook.md` sits on the page, line for line, so what the converter finds in it (a broken
 * link) is reported at that file's line. Only when placing the notes kept their lines (a setext
 * heading moved down becomes one ATX line, and then the lines no longer match).
 */
function notesLines(
  markdown: string,
  placed: string | undefined,
  notes: string | undefined,
  from: Runbook['notesFrom'],
): Page['embedded'] {
  if (!placed || !notes || !from) return undefined;
  const heading = (text: string) => text.replace(/^\s{0,3}#+\s*/, ''); // a heading moved down keeps its line
  const written = notes.split('\n');
  const shown = placed.split('\n');
  if (written.some((text, i) => heading(text) !== heading(shown[i] ?? ''))) return undefined;
  return embeddedLines(
    markdown,
    placed,
    from.file,
    written.map((_, i) => from.line + i),
  );
}

/**
 * A service's `spec.system`, read in its namespace and in any letter case, as Backstage reads it:
 * the System entity's title and the first paragraph of its description when the catalog files hold
 * it, else the name as the first service (by title) writes it, with its namespace when not `default`.
 */
function systemResolver(model: RunbookModel) {
  const byId = new Map(model.systems.map((system) => [ownId('system', system), system]));
  // An undefined System is named as first written; its namespace is said only when another
  // System has its name (finance's checkout beside default's), not on every group of a namespace.
  const firstWritten = new Map<string, { name: string; namespace: string }>();
  for (const service of model.services)
    if (service.system && !firstWritten.has(entityId(service.system, 'system', service.namespace))) {
      const { name, namespace } = parseEntityRef(`system:${service.system.replace(/^[^:/]+:/, '')}`);
      firstWritten.set(entityId(service.system, 'system', service.namespace), {
        name,
        namespace: namespace ?? service.namespace,
      });
    }
  const names = new Map<string, number>();
  for (const id of new Set([...byId.keys(), ...firstWritten.keys()])) {
    const name = id.slice(id.indexOf('/') + 1);
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  const undefinedTitle = ({ name, namespace }: { name: string; namespace: string }) =>
    (names.get(name.toLowerCase()) ?? 0) > 1 && namespace.toLowerCase() !== 'default' ? `${name} (${namespace})` : name;
  return (service: Service) => {
    const id = entityId(service.system!, 'system', service.namespace);
    const system: System | undefined = byId.get(id);
    const summary = summaryOf(system?.description);
    const entity = system && { ...system, summary: summary && inlineMarkdown(summary) };
    return { id, title: system?.title ?? undefinedTitle(firstWritten.get(id)!), summary: entity?.summary, entity };
  };
}

/**
 * The links a component's runbook shows: its own, as written, then those of the System it is part
 * of (its architecture page, its team's channel), each marked with the System's title. A System's
 * link the page shows already (the same URL, but for a closing `/`) is shown once, as the
 * component titles it.
 */
function pageLinks(service: Service, system: System | undefined): Array<Link & { system?: string }> {
  const shown = new Set(service.links.map((link) => sameUrl(link.url)));
  const fromSystem = (system?.links ?? []).filter((link) => {
    const url = sameUrl(link.url);
    if (shown.has(url)) return false;
    shown.add(url);
    return true;
  });
  return [...service.links, ...fromSystem.map((link) => ({ ...link, system: system!.title }))];
}

/** A URL as two links to one page compare: without surrounding spaces or a closing `/`. */
function sameUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/**
 * The Group or User a service's `spec.owner` names (a Group when the reference says no kind), read
 * in the service's namespace and any letter case, when a catalog file defines it.
 */
function ownerResolver(model: RunbookModel): (service: Service) => Owner | undefined {
  const byId = new Map<string, Owner>();
  for (const owner of model.owners ?? [])
    if (!byId.has(ownId(owner.kind, owner))) byId.set(ownId(owner.kind, owner), owner);
  return (service) => (service.owner ? byId.get(entityId(service.owner, 'group', service.namespace)) : undefined);
}

/** What a page shows of the owner beside its name: its contacts, the e-mail address first. */
function ownerEntity(owner: Owner | undefined) {
  if (!owner) return undefined;
  const contacts = [...(owner.email ? [{ title: owner.email, url: `mailto:${owner.email}` }] : []), ...owner.links];
  return { ...owner, contacts };
}

/**
 * What the catalog says of the API or Resource a reference names (`kind` is the kind a reference
 * without one names), short enough for a list of them in a sentence: its title when it has one, its
 * type and its description's first sentence (`database: Stores artist details.`); undefined for an
 * entity no catalog file defines.
 */
function catalogDescriber(model: RunbookModel): (ref: string, kind: string, from: Service) => string | undefined {
  const byId = new Map<string, CatalogEntity>();
  for (const [kind, entities] of [
    ['api', model.apis ?? []],
    ['resource', model.resources ?? []],
  ] as const)
    for (const entity of entities) if (!byId.has(ownId(kind, entity))) byId.set(ownId(kind, entity), entity);
  return (ref, kind, from) => {
    const entity = byId.get(entityId(ref, kind, from.namespace));
    if (!entity) return undefined;
    const sentence = firstSentence(summaryOf(entity.description));
    const summary = sentence && inlineMarkdown(sentence);
    const type = entity.type && escapeMarkdownInline(entity.type);
    const what = type && summary ? `${type}: ${summary}` : (type ?? summary);
    const titled = entity.title !== entity.name ? escapeMarkdownInline(entity.title) : undefined;
    return [titled, what].filter(Boolean).join(', ') || undefined;
  };
}

/** A Markdown link (`[text](url "title")`) or autolink (`<https://…>`) in a description. */
const MARKDOWN_LINK = /\[([^\]\n]*)\]\(\s*<?([^()\s<>]*)>?(?:\s+"[^"]*")?\s*\)|<((?:https?|mailto):[^\s<>]+)>/gi;

/** Where a link of a catalog description may go from the page: a web page, not a file beside the catalog. */
const WEB_URL = /^(?:https?|mailto):/i;

/**
 * A one-line description as Markdown for a sentence of the page, as the catalog's Markdown reads:
 * its text escaped, its links to web pages kept as links, a link to a file beside the catalog
 * (`[the schema](./schema.prisma)`, nothing the page can reach) as its text.
 */
function inlineMarkdown(text: string): string {
  let out = '';
  let last = 0;
  for (const link of text.matchAll(MARKDOWN_LINK)) {
    out += escapeMarkdownInline(text.slice(last, link.index));
    const [written, label, href, autolink] = link;
    if (autolink) out += `<${autolink}>`;
    else out += WEB_URL.test(href!) ? `[${escapeMarkdownInline(label!)}](${href})` : escapeMarkdownInline(label!);
    last = link.index + written.length;
  }
  return out + escapeMarkdownInline(text.slice(last));
}

/**
 * A paragraph's first sentence: up to the first `.`, `!` or `?` a space or the end follows, outside
 * a link (`[v2. Guide](…)` is one link).
 */
function firstSentence(paragraph: string | undefined): string | undefined {
  if (!paragraph) return paragraph;
  const links = [...paragraph.matchAll(MARKDOWN_LINK)].map((link) => [link.index, link.index + link[0].length]);
  for (const end of paragraph.matchAll(/[.!?](?=\s|$)/g))
    if (!links.some(([start, stop]) => end.index > start! && end.index < stop!))
      return paragraph.slice(0, end.index + 1);
  return paragraph;
}

/** The first paragraph of a description, on one line. */
function summaryOf(description: string | undefined): string | undefined {
  return (
    description
      ?.trim()
      .split(/\n\s*\n/)[0]!
      .replace(/\s+/g, ' ') || undefined
  );
}

/**
 * The index's tables: one per system (by title), services without one last. With no system at
 * all, one table without a heading, as before systems were read.
 */
function systemGroups(services: Service[], systemOf: ReturnType<typeof systemResolver>) {
  if (!services.some((service) => service.system)) return [{ services }];
  const groups = new Map<string, { title?: string; summary?: string; services: Service[] }>();
  for (const service of services) {
    const system = service.system ? systemOf(service) : undefined;
    const id = system?.id ?? '';
    if (!groups.has(id))
      groups.set(id, { title: system?.title ?? 'Other services', summary: system?.summary, services: [] });
    groups.get(id)!.services.push(service);
  }
  return [...groups]
    .sort(([a, left], [b, right]) => (a === '' ? 1 : b === '' ? -1 : left.title!.localeCompare(right.title!)))
    .map(([, group]) => group);
}

/**
 * The Resources and APIs whose `dependsOn` (or `dependencyOf`) names a component, as references
 * written from that component (`resource:platform-api-ci`, with the namespace when it is another):
 * Backstage shows such an edge on both entities, whichever side states it.
 */
function catalogEdges(model: RunbookModel) {
  const entities = [
    ...(model.resources ?? []).map((entity) => ({ kind: 'resource', entity })),
    ...(model.apis ?? []).map((entity) => ({ kind: 'api', entity })),
  ];
  return (service: Service, field: 'dependsOn' | 'dependencyOf'): string[] => {
    const self = ownId('component', service);
    return entities
      .filter(({ entity }) =>
        (entity[field] ?? []).some((ref) => entityId(ref, 'component', entity.namespace) === self),
      )
      .map(({ kind, entity }) =>
        entity.namespace.toLowerCase() === service.namespace.toLowerCase()
          ? `${kind}:${entity.name}`
          : `${kind}:${entity.namespace}/${entity.name}`,
      );
  };
}

/** Whether two entity references, each read in its own entity's namespace, name the same entity. */
function sameEntity(a: string, fromA: Service, b: string, fromB: Service): boolean {
  return entityId(a, 'component', fromA.namespace) === entityId(b, 'component', fromB.namespace);
}

/** Whether two API references, each read in its own entity's namespace, name the same API. */
function sameApi(a: string, fromA: Service, b: string, fromB: Service): boolean {
  return entityId(a, 'api', fromA.namespace) === entityId(b, 'api', fromB.namespace);
}
