import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import {
  anchorSlug,
  contentHash,
  escapeMarkdownInline,
  escapeTableCell,
  inlineCode,
  isUnsafeUrl,
  literalPlaceholders,
  pageFileStem,
  pageKey,
  placeFragment,
  type Page,
  type PageTree,
  type TemplateRenderer,
} from '@docgen/core';
import { headingSlugs } from '@docgen/markdown-storage';
import slugify from 'slugify';
import type {
  ApiModel,
  CurlPlaceholder,
  ExternalDocs,
  FormPart,
  MediaContent,
  NamedSchema,
  Operation,
  Parameter,
  ResponseLink,
  ResponseModel,
  SchemaField,
  SchemaView,
  SecurityScheme,
  Server,
  TagGroup,
  TypeExpr,
} from './model.js';
import {
  beyondSummary,
  cellDescription,
  cellNotes,
  cellText,
  hasHeadings,
  splitAtFirstHeading,
  javadocTags,
  tableRowsOnOneLine,
  summaryOf,
} from './descriptions.js';
import { pathTemplates } from './path-template.js';
import { commonParameters, parameterKey, type CommonParameters } from './common-parameters.js';
import { curlServer, placeholderHost } from './servers.js';
import { ignoredHeaderSource } from './parameters.js';

/**
 * Model → pages. This module decides the page tree (overview → one page per tag, webhooks,
 * schemas) and prepares view data in which every type is already a Markdown string with links;
 * the templates only lay it out. Users override any template from `templates/openapi/`.
 *
 *   <API title>                      overview.hbs   servers, auth, contact, tags; the spec attached
 *   ├── <API title>: <tag>           tag.hbs        one section per operation (_operation.hbs)
 *   ├── <API title>: Other           tag.hbs        operations without a tag
 *   ├── <API title>: Webhooks        webhooks.hbs   (OpenAPI 3.1)
 *   └── <API title>: Schemas         schemas.hbs    every named / $ref'd schema, cycles marked
 */
export interface RenderOptions {
  /** Root page key segment; default: a slug of the API title. */
  key?: string;
  /** Overrides the API title from the spec. */
  title?: string;
  /** Prefix tag, webhook and schema page titles with the API title (Confluence titles are unique per space). */
  prefixTitles?: boolean;
  /** Attach the spec file(s) to the overview page. */
  attachSpec?: boolean;
  /** Schemas per page before the schema list is split into several pages. */
  schemasPerPage?: number;
  /**
   * Operations on a tag's (or the webhooks') page before it is split into pages by path: Confluence
   * rejects a page body over 5 MB, and a page of hundreds of operations is no page to read (Stripe's
   * 452 untagged operations made 8 MB of storage on one page).
   */
  operationsPerPage?: number;
  labels?: string[];
}

const MEDIA_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
};

export function renderApi(model: ApiModel, templates: TemplateRenderer, options: RenderOptions = {}): PageTree {
  const title = options.title ?? model.title;
  const root = pageKey('api', options.key ?? anchorSlug(title));
  const prefix = options.prefixTitles === false ? '' : `${title}: `;
  const labels = ['api-reference', 'openapi', ...(options.labels ?? [])];
  const perPage = Math.max(1, options.schemasPerPage ?? 120);

  const perOperationsPage = Math.max(1, options.operationsPerPage ?? 100);

  // Where every operation and schema lives, so links can point across pages.
  const tagKey = (tag: TagGroup) => `${root}/tag/${tag.slug}`;
  const tagPages = model.tags.map((tag) => {
    const key = `${root}/tag/${tag.slug}`;
    const title = `${prefix}${tag.displayName ?? tag.name}`;
    return { tag, key, title, parts: partsOf(tag.operations, perOperationsPage, key, title, '/') };
  });
  const operationPage = new Map<string, string>();
  const webhooksKey = `${root}/webhooks`;
  const webhookParts = partsOf(model.webhooks, perOperationsPage, webhooksKey, `${prefix}Webhooks`, /[-._/\s]/);
  for (const { tag, key, parts } of [
    ...tagPages,
    { tag: { operations: model.webhooks }, key: webhooksKey, parts: webhookParts },
  ])
    for (const part of parts ?? [{ key, operations: tag.operations }])
      for (const operation of part.operations) operationPage.set(operation.anchor, part.key);
  const schemaChunks = chunk(model.schemas, perPage);
  const schemasKey = `${root}/schemas`;
  const chunkKey = (index: number) =>
    schemaChunks.length === 1 ? schemasKey : `${schemasKey}/${anchorSlug(schemaChunks[index]![0]!.name)}`;
  const schemaPage = new Map<string, { key: string; anchor: string; name: string }>();
  schemaChunks.forEach((list, index) =>
    list.forEach((schema) =>
      schemaPage.set(schema.id, { key: chunkKey(index), anchor: schema.anchor, name: schema.name }),
    ),
  );

  const byOperationId = new Map(
    [...model.tags.flatMap((tag) => tag.operations), ...model.webhooks]
      .filter((operation) => operation.operationId)
      .map((operation) => [operation.operationId!, operation]),
  );
  const tagPageByName = new Map(tagPages.flatMap(({ tag, key }) => redocNames(tag.name).map((name) => [name, key])));
  // The headings as the overview shows them (placeholders as text): their slugs are the page's.
  const descriptionSections = descriptionHeadings(placeFragment(shownMarkdown(model.description), 2));
  const schemesSection = schemesSectionOf(descriptionSections);
  const links = new Links(
    operationPage,
    schemaPage,
    byOperationId,
    bySummarySlug([...model.tags.flatMap((tag) => tag.operations), ...model.webhooks]),
    byPathAndVerb(model.tags.flatMap((tag) => tag.operations)),
    tagPageByName,
    { key: root, headings: descriptionSections, schemesSlug: schemesSection.slug },
    model.securitySchemes.length > 0,
  );
  const listedOnce = listedOnceByTag(model, tagPages, root);
  const pages: Page[] = [];
  const usedTitles = new Set<string>();
  const add = (page: Omit<Page, 'labels' | 'attachments'> & Partial<Pick<Page, 'labels' | 'attachments'>>) => {
    let pageTitle = page.title;
    for (let n = 2; usedTitles.has(pageTitle.toLowerCase()); n++) pageTitle = `${page.title} (${n})`;
    usedTitles.add(pageTitle.toLowerCase());
    pages.push({ labels, attachments: [], ...page, title: pageTitle, source: { plugin: 'openapi', file: model.file } });
  };

  const placeholders = curlPlaceholderList(model);
  const securitySchemes = model.securitySchemes.map((scheme) => securitySchemeView(scheme, links, root));
  const servers = model.servers.map((server) => ({ url: shownUrl(server), notes: serverNotes(server) }));
  const description = placeFragment(links.described(model.description, root), 2);
  const overview = {
    title,
    // The description goes above the page's `##` sections.
    model: { ...model, description, license: shownLicense(model.license) },
    // Under a description's last heading, the Version table read as a part of that section.
    factsFirst: hasHeadings(description),
    specFile: basename(model.file),
    referencedFiles: model.files.length - 1,
    // swag writes `contact: {}` when the code says nothing: no row for it.
    contact: model.contact?.name || model.contact?.email || model.contact?.url ? model.contact : undefined,
    tags: inTreeOrder(model.tags).map(({ tag, depth }) => {
      // What the tag's page lists (its own operations and those it links to), and its sub-tags' pages.
      const own = listedOn(tag, model);
      const listed = new Set([...own, ...subTags(tag, model.tags).flatMap((sub) => listedOn(sub, model))]);
      return {
        name: tag.displayName ?? tag.name,
        indent: '↳ '.repeat(depth),
        description: summaryOf(links.described(tag.description, root)),
        count: listed.size,
        inSubTags: listed.size - own.length,
        link: `./${pageFileStem(tagKey(tag))}.md`,
        deprecated: [...listed].filter((o) => o.deprecated).length,
      };
    }),
    // The webhooks' row says what they are: with it, the column is there.
    tagsDescribed: model.webhooks.length > 0 || model.tags.some((tag) => tag.description?.trim()),
    webhooks: model.webhooks.length
      ? { count: model.webhooks.length, link: `./${pageFileStem(webhooksKey)}.md` }
      : undefined,
    schemas: model.schemas.length
      ? { count: model.schemas.length, link: `./${pageFileStem(schemasKey)}.md` }
      : undefined,
    securitySchemes,
    servers,
    // No Description column where it would be empty in every row.
    schemesDescribed: securitySchemes.some((scheme) => scheme.descriptionCell),
    serversDescribed: servers.some((server) => server.notes),
    schemesTitle: schemesSection.title,
    shellVariables: shellVariables(model, schemesSection.title),
    curlPlaceholders: curlPlaceholders(placeholders),
    queryPlaceholder: queryPlaceholder(placeholders),
    pathPlaceholders: pathPlaceholders(placeholders),
    headerPlaceholder: headerPlaceholder(placeholders),
    // The curl examples start from the first HTTP server: a variable without a default stays in it.
    serverPlaceholder: pathTemplates(curlServer(model.servers)?.url ?? '')[0],
    // A host name the spec leaves to you (GitHub Enterprise Server's `HOSTNAME`) stays in that server's URL.
    hostPlaceholder: hostPlaceholderView(curlServer(model.servers)?.url),
    attachSpec: options.attachSpec !== false,
    licenseLink: linkable(model.license?.url),
    externalDocsLink: linkable(model.externalDocs?.url),
    commonParameters: listedOnce.api && listedOnceView(listedOnce.api, links, root),
  };
  add({
    key: root,
    title,
    markdown: templates.render('overview', overview),
    attachments: options.attachSpec === false ? [] : attachSpecFiles(model),
    position: 0,
  });

  tagPages.forEach(({ tag, key, title: tagTitle, parts }, index) => {
    add({
      key,
      title: tagTitle,
      // OpenAPI 3.2: a nested tag's page goes under its parent tag's page; the key stays flat.
      parentKey: tag.parent === undefined ? root : tagKey(model.tags.find((t) => t.name === tag.parent)!),
      position: index + 1,
      markdown: templates.render('tag', {
        ...tagView(tag, model, links, key, parts, tagKey, listedOnce.of(tag)),
        commonParameters: listedOnce.tags.get(tag) && listedOnceView(listedOnce.tags.get(tag)!, links, key),
      }),
    });
    parts?.forEach((part, i) =>
      add({
        key: part.key,
        title: part.title,
        parentKey: key,
        position: i,
        markdown: templates.render('tag', {
          api: { title: model.title, version: model.version },
          tag: { name: tag.name },
          ...operationRows(part.operations.map((o) => operationRow(o, links, part.key))),
          operations: part.operations.map((o) => operationView(o, links, part.key, 2, listedOnce.of(tag))),
        }),
      }),
    );
  });
  if (model.webhooks.length) {
    const webhooksPage = (key: string, operations: Operation[], parts?: OperationsPart[]) => ({
      api: { title },
      ...operationRows(parts ? operations.map((o) => operationRow(o, links, key)) : []),
      operations: parts ? [] : operations.map((o) => operationView(o, links, key)),
      parts: parts && partsView(parts),
    });
    add({
      key: webhooksKey,
      title: `${prefix}Webhooks`,
      parentKey: root,
      position: tagPages.length + 1,
      markdown: templates.render('webhooks', webhooksPage(webhooksKey, model.webhooks, webhookParts)),
    });
    webhookParts?.forEach((part, i) =>
      add({
        key: part.key,
        title: part.title,
        parentKey: webhooksKey,
        position: i,
        markdown: templates.render('webhooks', webhooksPage(part.key, part.operations)),
      }),
    );
  }
  if (model.schemas.length) {
    if (schemaChunks.length === 1) {
      add({
        key: schemasKey,
        title: `${prefix}Schemas`,
        parentKey: root,
        position: tagPages.length + 2,
        markdown: templates.render('schemas', schemasView(model.schemas, links, schemasKey)),
      });
    } else {
      const index = schemaChunks.map((list, i) => ({
        first: list[0]!.name,
        last: list[list.length - 1]!.name,
        count: list.length,
        link: `./${pageFileStem(chunkKey(i))}.md`,
      }));
      add({
        key: schemasKey,
        title: `${prefix}Schemas`,
        parentKey: root,
        position: tagPages.length + 2,
        markdown: templates.render('schemas-index', { api: { title }, chunks: index, count: model.schemas.length }),
      });
      schemaChunks.forEach((list, i) => {
        add({
          key: chunkKey(i),
          title: `${prefix}Schemas ${list[0]!.name} – ${list[list.length - 1]!.name}`,
          parentKey: schemasKey,
          position: i,
          markdown: templates.render('schemas', schemasView(list, links, chunkKey(i))),
        });
      });
    }
  }
  return { pages };
}

function attachSpecFiles(model: ApiModel) {
  const used = new Set<string>();
  return model.files.map((file) => {
    let name = basename(file);
    for (let n = 2; used.has(name); n++) name = `${basename(file, extname(file))}-${n}${extname(file)}`;
    used.add(name);
    const data = readFileSync(file);
    return {
      fileName: name,
      mediaType: MEDIA_TYPES[extname(file).toLowerCase()] ?? 'text/plain',
      contentHash: contentHash(data),
      data,
    };
  });
}

/** Builds Markdown links to operations and schemas from any page. */
class Links {
  constructor(
    private readonly operations: Map<string, string>,
    private readonly schemas: Map<string, { key: string; anchor: string; name: string }>,
    private readonly byOperationId: Map<string, Operation>,
    /** Operations by their summary's slug, where no other operation's summary has it (bySummarySlug). */
    private readonly bySummary: Map<string, Operation>,
    /** Operations by their path and method as Atlassian's anchors spell them, where unique (byPathAndVerb). */
    private readonly byPathVerb: Map<string, Operation>,
    /** Tag pages by each spelling of the tag's name (redocNames). */
    private readonly tagPages: Map<string, string>,
    /**
     * The overview's page, the headings the spec's description puts on it, which ReDoc's `#section/…`
     * links name, and the slug of its own section of the security schemes (schemesSectionOf).
     */
    private readonly overview: { key: string; headings: DescriptionHeading[]; schemesSlug: string },
    /** Whether the spec declares a security scheme, which the overview's Authentication section lists. */
    readonly schemesDeclared: boolean,
  ) {}

  /**
   * A description as the page shows it: its Javadoc inline tags as Markdown (`javadocTags`), a
   * table written on one line as one row a line (`tableRowsOnOneLine`), and
   * its ReDoc links (`#operation/<operationId>`, `#tag/<name>`, `#tag/<name>/operation/<operationId>`),
   * which specs written for ReDoc use between their own sections (ConfigCat's, BulkSMS's), pointed
   * at the page and anchor docgen gives that operation or tag: as written they led nowhere in
   * Confluence (warning DG_CONVERT). So are links to an operation by the name its own docs site
   * gives its section (namedOperationHref), unless a heading of the description itself has that
   * slug (its table of contents: `[Authentication](#authentication)` beside an operation summarized
   * "Authentication"). Other links stay as written.
   */
  described(description: string | undefined, fromKey: string): string | undefined {
    const text = shownMarkdown(description);
    if (!text?.includes('](#')) return text;
    let ownHeadings: Set<string> | undefined;
    const ownHeading = (name: string) =>
      (ownHeadings ??= new Set(headingSlugs(literalPlaceholders(text) ?? '').map((heading) => heading.slug))).has(name);
    return text.replace(REDOC_LINK, (whole, target: string) => {
      const href = /^(?:tag|operation)\//.test(target)
        ? this.redocHref(target, fromKey)
        : target.startsWith('section/')
          ? this.sectionHref(target, fromKey)
          : ownHeading(decodedPair(target))
            ? undefined
            : (this.namedOperationHref(decodedPair(target), fromKey) ?? this.atlassianHref(target, fromKey));
      return href === undefined ? whole : `](${href})`;
    });
  }

  /**
   * Where ReDoc's `#section/<heading>/<subheading>…` leads: the heading of the spec's description
   * it names on the overview, each name found in the section of the one before it
   * (`Retrieving-data/Pagination` is the Pagination under Retrieving data, not one in a later section).
   * `#section/Authentication` without such a heading is ReDoc's own section of the security
   * schemes, which the overview has too; so is `#section/Authentication/<scheme>`, the subsection
   * ReDoc gives each scheme there (rev.ai's `Access-Token`), which the overview's table lists, also
   * when the description's Authentication has no such subheading (Adyen's) but the spec declares schemes.
   * Undefined when the description has no such heading.
   */
  private sectionHref(target: string, fromKey: string): string | undefined {
    const names = target
      .split('/')
      .slice(1)
      .map((name) => redocNames(decodedPair(name)));
    const { key, headings } = this.overview;
    let found: DescriptionHeading | undefined;
    let from = 0;
    let end = headings.length;
    for (const spellings of names) {
      const index = headings.findIndex(
        (heading, at) => at >= from && at < end && spellings.some((spelling) => heading.names.has(spelling)),
      );
      found = headings[index];
      if (!found) break;
      from = index + 1;
      end = sectionEnd(headings, index);
    }
    // ReDoc's own section of the security schemes, where the description has no heading of that name;
    // a scheme's subsection the description's Authentication lacks, where the spec declares schemes.
    const redocAuthentication =
      names[0]?.includes('authentication') &&
      (!describesAuthentication(headings) || (names.length > 1 && this.schemesDeclared));
    const slug = found?.slug ?? (redocAuthentication ? this.overview.schemesSlug : undefined);
    return slug && `${fromKey === key ? '' : `./${pageFileStem(key)}.md`}#${slug}`;
  }

  /**
   * Where `#<name>` leads when it names an operation as its docs site does: by its summary as a
   * slug (docs.github.com: `#set-github-actions-permissions-for-an-organization`, GitHub's spec) or
   * by its operationId (Nexmo's `#getuserConversations`). Undefined for any other name.
   */
  private namedOperationHref(name: string, fromKey: string): string | undefined {
    const operation = this.byOperationId.get(name) ?? this.bySummary.get(anchorSlug(name));
    return operation && this.operationHref(operation, fromKey);
  }

  /**
   * Where `#api-…` leads when it names an operation or a tag as Atlassian's docs site does (Jira's
   * spec: `#api-rest-api-3-task-taskId-get` is GET /rest/api/3/task/{taskId}, `#api-group-Tasks`
   * the Tasks tag). Undefined for any other name.
   */
  private atlassianHref(target: string, fromKey: string): string | undefined {
    if (!target.startsWith('api-')) return undefined;
    if (target.startsWith('api-group-')) {
      const key = this.tagPages.get(bareName(target.slice('api-group-'.length)));
      return key && `./${pageFileStem(key)}.md`;
    }
    const operation = this.byPathVerb.get(bareName(target.slice('api-'.length)));
    return operation && this.operationHref(operation, fromKey);
  }

  private redocHref(target: string, fromKey: string): string | undefined {
    const operationAt = target.indexOf('operation/');
    if (operationAt >= 0) {
      const operation = this.byOperationId.get(decodeURIComponent(target.slice(operationAt + 'operation/'.length)));
      return operation && this.operationHref(operation, fromKey);
    }
    const [, name, ...rest] = target.split('/');
    const spellings = !rest.length && name ? redocNames(decodeURIComponent(name)) : [];
    const key = spellings.map((spelling) => this.tagPages.get(spelling)).find(Boolean);
    return key && `./${pageFileStem(key)}.md`;
  }

  /** A response link's target: the operation by its id, linked when the spec has it. */
  linkTarget(link: ResponseLink, fromKey: string): string {
    const target = link.operationId ? this.byOperationId.get(link.operationId) : undefined;
    if (target) return this.operation(target, fromKey, `${target.verb} ${escapeMarkdownInline(target.path)}`);
    return inlineCode(link.operationId ?? link.operationRef ?? '');
  }

  schema(id: string, fromKey: string, label?: string): string {
    const target = this.schemas.get(id);
    const text = escapeMarkdownInline(label ?? target?.name ?? id);
    if (!target) return text;
    return `[${text}](${target.key === fromKey ? '' : `./${pageFileStem(target.key)}.md`}#${target.anchor})`;
  }

  operation(operation: Operation, fromKey: string, label: string): string {
    return `[${label}](${this.operationHref(operation, fromKey)})`;
  }

  private operationHref(operation: Operation, fromKey: string): string {
    const key = this.operations.get(operation.anchor);
    return `${!key || key === fromKey ? '' : `./${pageFileStem(key)}.md`}#${operation.anchor}`;
  }

  /** A type in Markdown: `array of [Pet](…)`, `string (date-time)`, `[Cat](…) \| [Dog](…)`. */
  type(type: TypeExpr, fromKey: string): string {
    const nullable = type.nullable ? ' or null' : '';
    switch (type.kind) {
      case 'primitive':
        if (type.literal !== undefined) return `${inlineCode(type.literal)}${nullable}`;
        return `${escapeMarkdownInline(type.name)}${type.format ? ` (${escapeMarkdownInline(type.format)})` : ''}${nullable}`;
      case 'ref':
        // An alias is named as the spec writes it, linked to its target's section (which names it).
        return `${this.schema(type.schemaId, fromKey, type.alias)}${type.primitive ? ` (${escapeMarkdownInline(type.primitive)})` : ''}${type.circular ? ' ↻' : ''}${nullable}`;
      case 'array': {
        if (!type.prefix) return `array of ${this.type(type.items, fromKey)}${nullable}`;
        // a tuple: `array [number, number]`, with `…` (or `…string`) when more items may follow
        const rest = type.closed
          ? []
          : [`…${type.items.kind === 'primitive' && type.items.name === 'any' ? '' : this.type(type.items, fromKey)}`];
        return `array [${[...type.prefix.map((t) => this.type(t, fromKey)), ...rest].join(', ')}]${nullable}`;
      }
      case 'map':
        return `map of ${this.type(type.values, fromKey)}${nullable}`;
      case 'composite': {
        const word = type.keyword === 'allOf' ? ' & ' : type.keyword === 'anyOf' ? ' or ' : ' \\| ';
        const list = type.variants.map((v) => this.type(v, fromKey)).join(word);
        return `${type.keyword === 'oneOf' ? 'one of ' : type.keyword === 'anyOf' ? 'any of ' : 'all of '}${list}${nullable}`;
      }
    }
  }
}

/** A description's Markdown as a page shows it, its links aside (Links.described). */
function shownMarkdown(description: string | undefined): string | undefined {
  return tableRowsOnOneLine(javadocTags(description));
}

/**
 * A heading of the spec's description: its name as ReDoc's links spell it (redocNames), its slug on
 * the page, and its level, which bounds its section.
 */
interface DescriptionHeading {
  names: Set<string>;
  slug: string;
  level: number;
}

/**
 * The headings of the spec's description, each with the slug the converter gives it (a repeated
 * one's with `-1`, `-2`…), which links to it in Markdown and which the converter maps to
 * Confluence's anchor: read by the converter's own parse (headingSlugs), so the two agree on a
 * heading's text (a code span as written, an entity as the character it names) and on its repeats.
 * The description comes first on the overview, before the page's own headings, so the count starts there.
 * Given the Markdown the page shows (a placeholder as text: `Using <topologyKey>`, not an HTML tag),
 * as ReDoc too reads the tag into the heading's name.
 */
function descriptionHeadings(description: string | undefined): DescriptionHeading[] {
  if (!description) return [];
  return headingSlugs(description).map(({ text, slug, level }) => ({ names: new Set(redocNames(text)), slug, level }));
}

/**
 * A link to an anchor on the page, `](#target)`: the target as CommonMark reads it, balanced
 * parentheses included (`#section/Area-(m²)`, a heading's `(m²)`), not cut at their first `)`.
 */
const REDOC_LINK = /\]\(#((?:[^()\s]|\([^()\s]*\))+)\)/g;

/**
 * The title and slug of the overview's section of the security schemes: Authentication, unless the
 * spec's description has a heading of that name (Adyen's, Discourse's), which would make two on the
 * page, the second anchored `authentication-1`.
 */
function schemesSectionOf(headings: DescriptionHeading[]): { title: string; slug: string } {
  return describesAuthentication(headings)
    ? { title: 'Security schemes', slug: 'security-schemes' }
    : { title: 'Authentication', slug: 'authentication' };
}

/** Whether the spec's description has an Authentication heading of its own. */
function describesAuthentication(headings: DescriptionHeading[]): boolean {
  return headings.some((heading) => heading.slug === 'authentication' || heading.names.has('authentication'));
}

/** Where the section of the heading at `index` ends: at the next heading of its level or above. */
function sectionEnd(headings: DescriptionHeading[], index: number): number {
  const next = headings.findIndex((heading, at) => at > index && heading.level <= headings[index]!.level);
  return next === -1 ? headings.length : next;
}

/** Operations by their summary's slug (anchorSlug); a slug two summaries share names neither. */
function bySummarySlug(operations: Operation[]): Map<string, Operation> {
  const found = new Map<string, Operation | undefined>();
  for (const operation of operations) {
    if (!operation.summary) continue;
    const slug = anchorSlug(operation.summary);
    found.set(slug, found.has(slug) ? undefined : operation);
  }
  return new Map([...found].filter((entry): entry is [string, Operation] => entry[1] !== undefined));
}

/**
 * Operations by their path and method, letters and digits only (GET /rest/api/3/task/{taskId} is
 * `restapi3tasktaskidget`), as Atlassian's anchors name them once bareName reads those; where
 * two operations would share a key, neither is found.
 */
function byPathAndVerb(operations: Operation[]): Map<string, Operation> {
  const found = new Map<string, Operation | undefined>();
  for (const operation of operations) {
    const key = bareName(`${operation.path}-${operation.verb}`);
    found.set(key, found.has(key) ? undefined : operation);
  }
  return new Map([...found].filter((entry): entry is [string, Operation] => entry[1] !== undefined));
}

/** A name for matching, case and punctuation aside: letters and digits only, accents dropped, `&` as `and`. */
function bareName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * A tag's or a description heading's name as a ReDoc `#tag/…` or `#section/…` link may spell it,
 * for matching, case and punctuation aside: as ReDoc writes it, its safeSlugify (the `slugify`
 * package's slug: `Feature Flag & Setting values` → `Feature-Flag-and-Setting-values`, `Straße` →
 * `Strasse`, `Næringsliv` → `Naeringsliv`, `<key>` → `lesskeygreater`; where that leaves nothing,
 * `用户`, the name itself), and as a writer spells it by hand, accents dropped and symbols left out
 * (`Paging-with-_links-and-cursor` for `Paging with \`_links\` & \`<cursor>\``).
 */
function redocNames(name: string): string[] {
  return [...new Set([bareName(slugify(name) || name), bareName(name)])];
}

/**
 * The license row's content: none for a license that names nothing (rocket_okapi writes `license:
 * { name: "" }` when the crate gives none), its URL as its name when it has no name of its own.
 */
function shownLicense(license: ApiModel['license']): ApiModel['license'] {
  const name = license?.name?.trim();
  const url = license?.url?.trim();
  if (!name && !url) return undefined;
  return { ...license, name: name || url };
}

/**
 * Whether a URL the spec gives (a license's, its external docs') can be a link on the page: a
 * `file:` URL (`file:~/LICENSE.txt`, as OpenAPI's own test example writes) or a script is no link
 * in Confluence, which would keep the text and drop the URL, so it is shown as written instead.
 */
/**
 * An operation's or a tag's external docs for its page: a link, unless the URL is no web address
 * (`file:~/notes.txt`), which is shown as written, as the overview shows the spec's.
 */
function externalDocsView(docs: ExternalDocs | undefined) {
  return docs && { ...docs, link: linkable(docs.url) };
}

function linkable(url: string | undefined): boolean {
  return !!url && !isUnsafeUrl(url);
}

/**
 * What each shell variable the curl examples read stands for; `seeSchemes` where the meaning points
 * at the overview's section of the security schemes (schemesSectionOf names it).
 */
const SHELL_VARIABLES: Array<{ names: string[]; meaning: string; seeSchemes?: boolean }> = [
  { names: ['BASE_URL'], meaning: 'where the API is deployed (the spec gives no absolute server URL)' },
  { names: ['TOKEN'], meaning: 'a bearer token', seeSchemes: true },
  { names: ['API_KEY'], meaning: 'your API key', seeSchemes: true },
  { names: ['USERNAME', 'PASSWORD'], meaning: 'your credentials, for HTTP basic authentication' },
  {
    names: ['CLIENT_CERT', 'CLIENT_KEY'],
    meaning: 'the files of your client certificate and its private key, for mutual TLS',
    seeSchemes: true,
  },
];

/** Every placeholder the curl examples leave, in page order, as the curl builder recorded them. */
function curlPlaceholderList(model: ApiModel): CurlPlaceholder[] {
  return model.tags.flatMap((tag) => tag.operations.flatMap((operation) => operation.curlPlaceholders ?? []));
}

/** The server URL the curl examples start from and the placeholder host name in it, if it has one. */
function hostPlaceholderView(url: string | undefined): { url: string; host: string } | undefined {
  const host = placeholderHost(url);
  return url && host ? { url, host } : undefined;
}

/** Whether any curl example keeps a `{placeholder}` in its URL (which makes it pass `--globoff`), for the overview to say so. */
function curlPlaceholders(placeholders: CurlPlaceholder[]): boolean {
  return placeholders.some((placeholder) => placeholder.in !== 'header' && placeholder.in !== 'cookie');
}

/**
 * The first required query parameter a curl example sends as a placeholder (`status={status}`), for
 * the overview to say to replace those too; none when every one has a value.
 */
function queryPlaceholder(placeholders: CurlPlaceholder[]): string | undefined {
  return placeholders.find((placeholder) => placeholder.in === 'query')?.text;
}

/** Whether a curl example keeps a path parameter (or a server variable) as a `{placeholder}`, not only a query parameter. */
function pathPlaceholders(placeholders: CurlPlaceholder[]): boolean {
  return placeholders.some((placeholder) => placeholder.in === 'path' || placeholder.in === 'server');
}

/** The first required header or cookie a curl example sends as a placeholder (`X-Request-Id: {X-Request-Id}`). */
function headerPlaceholder(placeholders: CurlPlaceholder[]): string | undefined {
  return placeholders.find((placeholder) => placeholder.in === 'header' || placeholder.in === 'cookie')?.text;
}

/** The shell variables this API's curl examples use, so the overview can say what to set. */
function shellVariables(model: ApiModel, schemesTitle: string): Array<{ names: string[]; meaning: string }> {
  const used = new Set(
    model.tags.flatMap((tag) => tag.operations.flatMap((operation) => operation.curlVariables ?? [])),
  );
  const apiKeys = (model.apiKeyVariables ?? [])
    .filter(({ variable }) => used.has(variable))
    .map(({ scheme, variable }) => ({
      names: [variable],
      meaning: `your \`${scheme}\` API key (see ${schemesTitle})`,
    }));
  // A key named after its scheme says which key it is; the generic line would say it again.
  const named = new Set(apiKeys.flatMap((variable) => variable.names));
  const generic = SHELL_VARIABLES.filter((variable) =>
    variable.names.some((name) => used.has(name) && !named.has(name)),
  ).map(({ names, meaning, seeSchemes }) => ({
    names,
    meaning: seeSchemes ? `${meaning} (see ${schemesTitle})` : meaning,
  }));
  return [...generic, ...apiKeys];
}

/**
 * Operations that list `tag` second or later: they live on their first tag's page, and this tag's
 * page links to them. (Tags are one tag whatever their case: see groupByTag.)
 */
function taggedElsewhere(tag: TagGroup, model: ApiModel): Operation[] {
  const listed = listedSecond(model).get(tag.name.toLowerCase()) ?? [];
  return listed.filter(({ on }) => on !== tag).map(({ operation }) => operation);
}

const listedSecondByModel = new WeakMap<ApiModel, Map<string, Array<{ on: TagGroup; operation: Operation }>>>();

/**
 * Each tag's name (lower case) → the operations that list it after their first tag, with the tag
 * page that documents each, in page order. Built once per model: scanning every operation for
 * each tag took 2.4 s of Microsoft Graph's ~500 tags and 15,000 operations.
 */
function listedSecond(model: ApiModel): Map<string, Array<{ on: TagGroup; operation: Operation }>> {
  let index = listedSecondByModel.get(model);
  if (index) return index;
  index = new Map();
  for (const on of model.tags)
    for (const operation of on.operations)
      for (const name of new Set(operation.tags.slice(1).map((t) => t.toLowerCase()))) {
        const list = index.get(name) ?? [];
        list.push({ on, operation });
        index.set(name, list);
      }
  listedSecondByModel.set(model, index);
  return index;
}

/** What a tag's page lists: its own operations and those it links to. */
function listedOn(tag: TagGroup, model: ApiModel): Operation[] {
  return [...tag.operations, ...taggedElsewhere(tag, model)];
}

/** The tags nested under `tag` (OpenAPI 3.2's `parent`), at any depth. */
function subTags(tag: TagGroup, tags: TagGroup[]): TagGroup[] {
  const children = tags.filter((t) => t.parent === tag.name);
  return children.flatMap((c) => [c, ...subTags(c, tags)]);
}

/** Tags as a tree walked in spec order: each parent followed by its sub-tags, with their depth. */
function inTreeOrder(tags: TagGroup[]): Array<{ tag: TagGroup; depth: number }> {
  const walk = (tag: TagGroup, depth: number): Array<{ tag: TagGroup; depth: number }> => [
    { tag, depth },
    ...tags.filter((t) => t.parent === tag.name).flatMap((c) => walk(c, depth + 1)),
  ];
  return tags.filter((t) => t.parent === undefined).flatMap((t) => walk(t, 0));
}

function tagView(
  tag: TagGroup,
  model: ApiModel,
  links: Links,
  key: string,
  parts: OperationsPart[] | undefined,
  tagKey: (tag: TagGroup) => string,
  listedOnce: ListedOnce[],
) {
  const children = model.tags
    .filter((t) => t.parent === tag.name)
    .map((t) => ({
      link: `[${escapeMarkdownInline(t.displayName ?? t.name)}](./${pageFileStem(tagKey(t))}.md)`,
      description: summaryOf(links.described(t.description, key)),
    }));
  const elsewhere = taggedElsewhere(tag, model).map((o) => ({
    link: links.operation(o, key, `${o.verb} ${escapeMarkdownInline(o.path)}`),
    summary: o.summary,
    deprecated: o.deprecated,
  }));
  const description = placeFragment(links.described(tag.description, key), 3); // above the `##` operations
  return {
    api: { title: model.title, version: model.version },
    tag: { name: tag.displayName ?? tag.name, description, externalDocs: externalDocsView(tag.externalDocs) },
    // Under its last heading, the list of operations read as a part of that section.
    ...descriptionParts(description),
    children,
    ...operationRows(
      tag.operations.map((o) => operationRow(o, links, key)),
      elsewhere,
    ),
    // A split tag's page lists its operations; they are documented on its parts' pages.
    operations: parts ? [] : tag.operations.map((o) => operationView(o, links, key, 2, listedOnce)),
    parts: parts && partsView(parts),
  };
}

/** Parameters listed once on a page (the overview, or a tag's), which each operation's table leaves out. */
interface ListedOnce {
  common: CommonParameters;
  /** Where they are listed: the page's key and the anchor of their section. */
  key: string;
  anchor: string;
  /** Whose operations all take them, as the line in each operation says: "every operation takes". */
  whose: string;
}

/**
 * The parameters every operation of the API takes (listed on the overview) and, for each tag, the
 * others every operation of the tag takes (listed on its page). Webhooks are requests the API
 * sends, not ones it takes: they are no part of it. With one tag, the API's are the tag's.
 */
function listedOnceByTag(model: ApiModel, tagPages: Array<{ tag: TagGroup; key: string }>, root: string) {
  const found = commonParameters(model.tags.flatMap((tag) => tag.operations));
  const api: ListedOnce | undefined = found && {
    common: found,
    key: root,
    anchor: 'parameters-every-operation-takes',
    whose: 'every operation takes',
  };
  const tags = new Map<TagGroup, ListedOnce>();
  if (model.tags.length > 1)
    for (const { tag, key } of tagPages) {
      const common = commonParameters(tag.operations, api?.common.keys);
      if (common)
        tags.set(tag, {
          common,
          key,
          anchor: 'parameters-every-operation-of-this-tag-takes',
          whose: 'every operation of this tag takes',
        });
    }
  const of = (tag: TagGroup) => [...(api ? [api] : []), ...(tags.has(tag) ? [tags.get(tag)!] : [])];
  return { api, tags, of };
}

function listedOnceView(listed: ListedOnce, links: Links, key: string) {
  return {
    anchor: listed.anchor,
    rows: byLocation(listed.common.parameters).map((p) => parameterView(p, links, key)),
  };
}

/** The line an operation's Parameters section says the parameters listed once in: "Also takes [the 11 parameters every operation takes](…)." */
function listedOnceLine(listed: ListedOnce[], hasOwn: boolean, key: string): string | undefined {
  if (!listed.length) return undefined;
  const each = listed.map(({ common, key: at, anchor, whose }) => {
    const href = `${at === key ? '' : `./${pageFileStem(at)}.md`}#${anchor}`;
    return `[the ${common.parameters.length} parameters ${whose}](${href})`;
  });
  return `${hasOwn ? 'Also takes' : 'Takes only'} ${each.join(' and ')}.`;
}

/**
 * A page's table of operations: its rows (and those of operations documented on other tags' pages),
 * and whether it has a Summary column, which it has only if a summary or a deprecation goes in it
 * (a spec with no summaries gave every page a column of empty cells).
 */
function operationRows(
  rows: ReturnType<typeof operationRow>[],
  elsewhere: Array<{ summary?: string; deprecated?: boolean }> = [],
): { rows: typeof rows; elsewhere: typeof elsewhere; summarized: boolean } {
  const summarized =
    rows.some((row) => row.summaryCell || row.deprecated) || elsewhere.some((o) => o.summary?.trim() || o.deprecated);
  return { rows, elsewhere, summarized };
}

/** An operation's row in a page's table of operations. */
function operationRow(operation: Operation, links: Links, key: string) {
  return {
    link: links.operation(operation, key, `${operation.verb} ${escapeMarkdownInline(operation.path)}`),
    summaryCell: escapeTableCell(operation.summary ?? ''),
    deprecated: operation.deprecated,
  };
}

/** A page of a split tag (or of the webhooks): the operations under some consecutive path groups. */
interface OperationsPart {
  key: string;
  title: string;
  label: string;
  operations: Operation[];
}

function partsView(parts: OperationsPart[]) {
  return parts.map((part) => ({
    label: part.label,
    count: part.operations.length,
    link: `./${pageFileStem(part.key)}.md`,
  }));
}

/**
 * A tag's operations as pages of at most `max`, when there are more. They are grouped by path:
 * by the segment after the prefix all their paths share (`/v1/customers/…` → `/v1/customers`; a
 * webhook's name by its words), a group still too big grouped again one segment deeper
 * (Kubernetes' `/api/v1/namespaces/{namespace}/pods`). Groups go in order and are packed whole
 * while they fit. A part is keyed by its first group, so adding an operation moves few pages.
 */
function partsOf(
  operations: Operation[],
  max: number,
  key: string,
  title: string,
  separator: string | RegExp,
): OperationsPart[] | undefined {
  if (operations.length <= max) return undefined;
  const join = separator === '/' ? (segments: string[]) => `/${segments.join('/')}` : (s: string[]) => s.join('-');
  const items = operations.map((operation) => ({
    operation,
    segments: operation.path.split(separator).filter(Boolean),
  }));
  const packed: Array<{ first: string; last: string; operations: Operation[] }> = [];
  for (const group of pathGroups(items, max)) {
    const label = join(group.prefix);
    const current = packed[packed.length - 1];
    if (current && current.operations.length + group.items.length <= max) {
      current.operations.push(...group.items.map((item) => item.operation));
      current.last = label;
    } else packed.push({ first: label, last: label, operations: group.items.map((item) => item.operation) });
  }
  const keys = new Set<string>();
  return packed.map(({ first, last, operations: list }) => {
    const base = `${key}/${anchorSlug(first) || 'root'}`;
    let partKey = base;
    for (let n = 2; keys.has(partKey); n++) partKey = `${base}-${n}`;
    keys.add(partKey);
    const label = first === last ? first : `${first} – ${last}`;
    return { key: partKey, title: `${title}: ${label}`, label, operations: list };
  });
}

type PathItem = { operation: Operation; segments: string[] };
const pathCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** `items` in groups of at most `max` by their shared path prefix and the segment after it, in order. */
function pathGroups(items: PathItem[], max: number): Array<{ prefix: string[]; items: PathItem[] }> {
  const first = items[0]!.segments;
  let shared = 0;
  while (shared < first.length && items.every((item) => item.segments[shared] === first[shared])) shared++;
  const groups = new Map<string, PathItem[]>();
  for (const item of items) {
    const next = item.segments[shared] ?? '';
    const group = groups.get(next);
    if (group) group.push(item);
    else groups.set(next, [item]);
  }
  const names = [...groups.keys()].sort(pathCollator.compare);
  return names.flatMap((name) => {
    const group = groups.get(name)!;
    const prefix = name ? [...first.slice(0, shared), name] : first.slice(0, shared);
    if (group.length <= max) return [{ prefix, items: group }];
    // Too big: one segment deeper, unless that tells nothing apart (one path, many methods): cut it.
    if (name && group.some((item) => item.segments.length > shared + 1)) return pathGroups(group, max);
    return Array.from({ length: Math.ceil(group.length / max) }, (_, i) => ({
      prefix,
      items: group.slice(i * max, (i + 1) * max),
    }));
  });
}

/**
 * Template data of one operation (recursive through callbacks). `level`: its heading's (`##` for
 * an operation, `####` for a callback's request); what the spec describes goes below it.
 */
function operationView(
  operation: Operation,
  links: Links,
  key: string,
  level = 2,
  listedOnce: ListedOnce[] = [],
): Record<string, unknown> {
  const own = operation.parameters.filter((p) => !listedOnce.some(({ common }) => common.keys.has(parameterKey(p))));
  const description = placeFragment(
    links.described(beyondSummary(operation.description, operation.summary), key),
    level + 1,
  );
  return {
    anchor: operation.anchor,
    verb: operation.verb,
    path: escapeMarkdownInline(operation.path),
    // the path as written, for a code span (where a Markdown escape would show as a backslash)
    rawPath: operation.path,
    link: links.operation(operation, key, `${operation.verb} ${escapeMarkdownInline(operation.path)}`),
    labels: labelsText(operation),
    paging: operation.paging,
    longRunning: operation.longRunning ? longRunningText(operation) : undefined,
    operationId: operation.operationId,
    externalDocs: externalDocsView(operation.externalDocs),
    ...summaryParts(operation.summary),
    summaryCell: escapeTableCell(operation.summary ?? ''),
    description,
    // Under its last heading, the Authentication and Operation ID lines read as a part of that section.
    ...descriptionParts(description),
    pathAbout: (operation.pathSummary || operation.pathDescription) && pathAboutView(operation, links, key, level),
    servers: operation.servers?.map((server) => ({ url: shownUrl(server), notes: serverNotes(server) })),
    deprecated: operation.deprecated,
    webhook: operation.webhook,
    auth: authText(operation, links.schemesDeclared),
    parameters: byLocation(own).map((p) => parameterView(p, links, key)),
    commonParameters: listedOnceLine(listedOnce, own.length > 0, key),
    requestBody: operation.requestBody && requestBodyView(operation.requestBody, links, key, level),
    responses: dedupeBodies(operation.responses.map((r) => responseView(r, links, key, level))),
    curl: operation.curl,
    codeSamples: operation.codeSamples,
    operationExamples: operation.operationExamples?.map((shown) => ({
      ...shown,
      link: shown.url === undefined ? undefined : urlLink(shown.url),
    })),
    callbacks: operation.callbacks.map((callback) => ({
      name: callback.name,
      requests: callback.requests.map((request) => operationView(request, links, key, level + 2)),
    })),
  };
}

/**
 * An operation's summary as its bold line: its first paragraph; any others (OpenAI's summaries run
 * to three) follow as text, as bold cannot cross a blank line and showed its asterisks.
 */
function summaryParts(summary: string | undefined): { summary?: string; summaryMore?: string } {
  const [first, ...others] = summary?.split(/\n[ \t]*\n/) ?? [];
  return { summary: first?.trim() || undefined, summaryMore: others.join('\n\n').trim() || undefined };
}

/**
 * A response whose description only restates its status (`"200"`, API Gateway's `"404 response"`,
 * `"Default response"`), as generated specs write it to fill a required field: under the status's
 * own heading it says nothing, so it is left out (a callback's table still shows it as its cell).
 */
function ownDescription({ status, description }: ResponseModel): string | undefined {
  const said = description?.trim().toLowerCase();
  return said === status.toLowerCase() || said === `${status.toLowerCase()} response` ? undefined : description;
}

/** What an operation's path item (a webhook's, for a webhook) says of all its operations. */
function pathAboutView(operation: Operation, links: Links, key: string, level: number) {
  const description = placeFragment(links.described(operation.pathDescription, key), level + 1);
  return {
    summary: operation.pathSummary,
    description,
    // Under its last heading, the Servers, Authentication and Operation ID lines read as a part of that section.
    // It goes before an operation's description placed there too: its About line is docgen's, not the operation's.
    descriptionLast: hasHeadings(description),
  };
}

/**
 * Template data of the request body of an operation whose heading is at `level`: the body's
 * heading is one below it, what the spec describes one further.
 */
function requestBodyView(body: NonNullable<Operation['requestBody']>, links: Links, key: string, level: number) {
  const description = placeFragment(links.described(body.description, key), level + 2);
  return {
    description,
    // Under its last heading, the body's fields and example read as a part of that section.
    ...descriptionParts(description),
    required: body.required,
    contents: dedupeSchemas(body.contents.map((c) => mediaView(c, links, key, true, level + 2))),
  };
}

/**
 * Template data of one response of an operation whose heading is at `level`: the status's
 * heading is two below it, what the spec describes one further.
 */
function responseView(response: ResponseModel, links: Links, key: string, level: number) {
  const own = ownDescription(response);
  const description = placeFragment(links.described(own, key), level + 3);
  return {
    status: response.status,
    description,
    // Under its last heading, the headers, body and links read as a part of that section.
    ...descriptionParts(description),
    // a callback's responses are a table's rows: Your response | Meaning
    descriptionCell: cellDescription(links.described(response.description, key)),
    headers: response.headers.map((h) => parameterView(h, links, key, true)),
    contents: dedupeSchemas(response.contents.map((c) => mediaView(c, links, key, false, level + 3))),
    sameBodyAs: undefined as string | undefined,
    // A status heading with nothing under it looked like a page that failed to render.
    undescribed: !own?.trim() && !response.headers.length && !response.contents.length && !response.links?.length,
    links: (response.links ?? []).map((link) => ({
      name: inlineCode(link.name),
      target: links.linkTarget(link, key),
      parameters: escapeTableCell(link.parameters.map(inlineCode).join(', ')),
      description: cellDescription(links.described(link.description, key)),
    })),
  };
}

/** OpenAPI 3.2 badge and audience tags, by kind: `**Badge:** Beta · **Audience:** partners`. */
function labelsText(operation: Operation): string | undefined {
  if (!operation.labels?.length) return undefined;
  const byKind = new Map<string, string[]>();
  for (const { kind, name } of operation.labels) byKind.set(kind, [...(byKind.get(kind) ?? []), name]);
  return [...byKind]
    .map(
      ([kind, names]) =>
        `**${escapeMarkdownInline(kind.charAt(0).toUpperCase() + kind.slice(1))}:** ${names.map(escapeMarkdownInline).join(', ')}`,
    )
    .join(' · ');
}

/**
 * How a long-running operation ends: the header whose URL is polled, and where the result is read
 * then (AutoRest's `final-state-via`; one the spec states is named, so a reader can look it up).
 */
function longRunningText(operation: Operation): string {
  const via = operation.finalStateVia;
  const header =
    via?.value === 'operation-location' ? '`Operation-Location`' : '`Azure-AsyncOperation` (or `Location`)';
  const poll = `the service may answer before the work is done; poll the URL in the response's ${header} header until the operation reports it has finished.`;
  if (!via) return poll;
  const stated = inlineCode(`final-state-via: ${via.value}`);
  const result = FINAL_STATE[via.value];
  if (!result) return `${poll} The result is then where ${stated} says.`;
  return `${poll} The result is then ${result} (${via.stated ? stated : `the default for a ${operation.verb}`}).`;
}

/** Where `final-state-via` reads a long-running operation's result (AutoRest's extensions document). */
const FINAL_STATE: Record<string, string> = {
  'azure-async-operation': 'the last response from the `Azure-AsyncOperation` URL, with no GET after it',
  location: "what a GET to the URL in the first response's `Location` header returns",
  'original-uri': "what a GET to this operation's own URL returns",
  'operation-location': 'the last response from the `Operation-Location` URL, with no GET after it',
};

/** A server's URL as the Servers list shows it: its variables where they go, their defaults beside it. */
function shownUrl(server: Server): string {
  return server.template ?? server.url;
}

/**
 * A server's description, then its variables as a list, an item each: `` `port`: `8443` (default),
 * `443` — the port ``. A variable's description is a cell's (its paragraphs and lists kept in its
 * item): on one line, "…; …", a second paragraph or a list ran on into the next variable.
 */
function serverNotes(server: Server): string {
  const description = cellDescription(server.description);
  const variables = (server.variables ?? []).map((variable) => {
    const others = (variable.values ?? []).filter((value) => value !== variable.default).map(inlineCode);
    const values = [
      ...(variable.default === undefined ? [] : [`${inlineCode(variable.default)} (default)`]),
      ...others,
    ];
    const about = variable.description ? ` — ${cellDescription(variable.description)}` : '';
    return `<li>${escapeTableCell(`${inlineCode(variable.name)}: ${values.join(', ') || 'any'}`)}${about}</li>`;
  });
  if (!variables.length) return description;
  // After a list (an HTML block) no space is needed; after text one is.
  const apart = description && !/<\/[uo]l>$/.test(description) ? ' ' : '';
  return `${description}${apart}Variables:<ul>${variables.join('')}</ul>`;
}

/** A security scheme for the overview's tables: its description and its scopes' as cells. */
function securitySchemeView(scheme: SecurityScheme, links: Links, key: string) {
  const scopes = scheme.oauth?.scopes.map((scope) => ({
    ...scope,
    descriptionCell: cellDescription(links.described(scope.description, key)),
  }));
  return {
    ...scheme,
    descriptionCell: cellDescription(links.described(scheme.description, key)),
    oauth: scheme.oauth && { ...scheme.oauth, scopes },
  };
}

/**
 * What an operation's Authentication line says; none where the spec declares no security scheme:
 * "none required" guessed from that silence (Formbricks' operations take an API key as a header
 * parameter).
 */
function authText(operation: Operation, schemesDeclared: boolean): string | undefined {
  if (!operation.security?.length && !schemesDeclared) return undefined;
  if (!operation.security?.length) return operation.securityOptional ? 'none' : 'none required';
  const alternatives = operation.security.map((requirement) =>
    requirement.schemes
      .map(
        (s) =>
          `${inlineCode(s.name)}${s.scopes.length ? ` (${s.roles ? 'roles' : 'scopes'}: ${s.scopes.map(inlineCode).join(', ')})` : ''}`,
      )
      .join(' and '),
  );
  return `${alternatives.join(' or ')}${operation.securityOptional ? ' (optional)' : ''}`;
}

/**
 * A list or object parameter's example as it travels, as its `style` (or `collectionFormat`) says
 * and the curl example sends it: `ids=1,2`, `tags=red&tags=big`, `filter[color]=red`, a header's
 * `7,8`. As JSON (`[1,2]`) it read as what to send. Undefined for a single value.
 */
function travelled(parameter: Parameter): string | undefined {
  if (parameter.exampleQuery) return parameter.exampleQuery.map(decodedPair).join('&');
  const list = parameter.exampleList;
  if (!list) return undefined;
  if (parameter.in !== 'query') return list.items.join(list.separator ?? ',');
  if (list.separator === undefined) return list.items.map((item) => `${parameter.name}=${item}`).join('&');
  return `${parameter.name}=${list.items.join(list.separator)}`;
}

/** A `name=value` pair of a query string (or a link's fragment) as read, its percent-encoding undone where it is valid. */
function decodedPair(pair: string): string {
  try {
    return decodeURIComponent(pair);
  } catch {
    return pair;
  }
}

/**
 * Where a description goes: its lead (all of it, without a heading) where a description goes, and
 * its sections from its first heading on (`descriptionLast`) after docgen's content, which they would
 * otherwise swallow. `description` stays whole, for templates written before the split.
 */
function descriptionParts(description: string | undefined): { descriptionLead?: string; descriptionLast?: string } {
  const { lead, sections } = splitAtFirstHeading(description);
  return { descriptionLead: lead, descriptionLast: sections };
}

/** Where a parameter goes, in the order a reader fills them in: the path, then the query, headers, cookies. */
const LOCATION_ORDER: Record<string, number> = { path: 0, query: 1, header: 2, cookie: 3 };

/**
 * Parameters grouped by location (path, query, header, cookie), as ReDoc and Swagger UI group
 * them; in each, the operation's own before those its path item shares, each in the spec's order.
 * In the spec's order alone, the shared ones came first: Google's 11 standard query parameters
 * (`$.xgafv` … `uploadType`) above the path parameter that names the resource and the operation's
 * own `filter` and `pageSize`, AWS's 7 `X-Amz-*` signature headers above the action's own.
 */
function byLocation(parameters: Parameter[]): Parameter[] {
  const locations = Object.keys(LOCATION_ORDER).length;
  const rank = (parameter: Parameter) => (LOCATION_ORDER[parameter.in] ?? locations) * 2 + (parameter.shared ? 1 : 0);
  // Array.prototype.sort is stable: within a rank the spec's order stays.
  return [...parameters].sort((a, b) => rank(a) - rank(b));
}

/**
 * The note on a header OpenAPI 3 ignores: of a parameter, the reader learns why curl does not send
 * it; of a response (`ofResponse`, only ever its `Content-Type`), where its value is said instead.
 */
function ignoredNote(name: string, ofResponse: boolean, sentAnyway: boolean): string {
  // Where the operation says nothing else of its credentials, the curl example sends it as written.
  if (sentAnyway)
    return '(OpenAPI ignores it, but this operation has no security requirement, so the curl example sends it as written)';
  const { header, from } = ignoredHeaderSource(name, ofResponse);
  return `(ignored: OpenAPI takes ${inlineCode(header)} from ${from})`;
}

/** A parameter's row, or (`ofResponse`) a response header's. */
function parameterView(parameter: Parameter, links: Links, key: string, ofResponse = false) {
  const notes = [
    ...(parameter.deprecated ? ['**Deprecated.**'] : []),
    cellText(links.described(parameter.description, key)) ?? '',
    ...parameter.constraints.map((c) => `(${c})`),
    // Given by `content`: its value is written in that media type (JSON, as a whole), not by `style`.
    ...(parameter.mediaType === undefined ? [] : [`(serialized as ${inlineCode(parameter.mediaType)})`]),
    ...(parameter.ignored ? [ignoredNote(parameter.name, ofResponse, !!parameter.sentAnyway)] : []),
  ];
  // In brackets like the constraints, so it does not run on from the description's last word.
  if (parameter.example !== undefined) {
    const first = { value: travelled(parameter) ?? parameter.example, summary: parameter.exampleSummary };
    for (const { value, summary } of [first, ...(parameter.moreExamples ?? [])])
      notes.push(`(example: ${inlineCode(value)}${summary ? `: ${cellText(summary)}` : ''})`);
    const left = parameter.moreExamplesLeft;
    if (left) notes.push(`(${left} more example${left === 1 ? '' : 's'} in the spec)`);
  } else if (parameter.exampleUrl !== undefined) notes.push(`(example: ${urlLink(parameter.exampleUrl)})`);
  return {
    name: escapeTableCell(inlineCode(parameter.name)),
    in: parameter.in,
    type: links.type(parameter.type, key),
    required: parameter.required,
    description: escapeTableCell(cellNotes(notes)),
  };
}

/** `level`: where a description of the content's schema may put its headings. */
function mediaView(content: MediaContent, links: Links, key: string, showFields: boolean, level: number) {
  const schema = content.schema;
  const named = schema?.type.kind === 'ref';
  const description =
    schema?.description && !named ? placeFragment(links.described(schema.description, key), level) : undefined;
  return {
    mediaType: content.mediaType,
    sameAs: undefined as string | undefined,
    type: schema ? `${content.stream ? 'a stream of ' : ''}${links.type(schema.type, key)}` : undefined,
    description,
    // Under its last heading, the fields and example read as a part of that section.
    ...descriptionParts(description),
    // A named schema is documented once on the schemas page; inline schemas get their table here.
    fields: schema && (showFields || !named) ? schema.fields.map((f) => fieldView(f, links, key)) : [],
    variants: schema && (showFields || !named) ? variantsView(schema, links, key) : undefined,
    rules: schema && (showFields || !named) ? bodyRules(schema) : undefined,
    example: shownExample(content.example, content.exampleGenerated),
    exampleLanguage: content.exampleLanguage,
    exampleParts: content.exampleParts && partRows(content.exampleParts),
    exampleGenerated: content.exampleGenerated,
    exampleAssembled: content.exampleAssembled,
    exampleNote: content.exampleNote,
    exampleLink: content.exampleUrl === undefined ? undefined : urlLink(content.exampleUrl),
    exampleName: content.exampleName,
    exampleSummary: content.exampleSummary,
    // The others show after the first, as long as there is a first to show.
    moreExamples:
      content.example === undefined && content.exampleUrl === undefined
        ? undefined
        : content.moreExamples?.map((more) => ({
            ...more,
            link: more.url === undefined ? undefined : urlLink(more.url),
            parts: more.parts && partRows(more.parts),
          })),
  };
}

/** A multipart example's parts as table rows: a file's part says it is a file, a value is shown as sent. */
function partRows(parts: FormPart[]) {
  return parts.map((part) => ({
    name: escapeTableCell(inlineCode(part.name)),
    contentType: escapeTableCell(inlineCode(part.contentType)),
    value: part.file
      ? part.repeated
        ? 'a file; a part per file'
        : 'a file'
      : part.value === undefined
        ? '…'
        : escapeTableCell(inlineCode(part.value)),
  }));
}

/**
 * An example as the page shows it: not one docgen made up that holds nothing (`{}` for a
 * free-form object, `[]`), which says no more than the type beside it (Kubernetes' and Stripe's
 * pages showed hundreds). Curl still sends it. The spec's own is shown whatever it holds.
 */
function shownExample(example: string | undefined, generated: boolean | undefined): string | undefined {
  return generated && (example === '{}' || example === '[]') ? undefined : example;
}

/** A web address as a Markdown autolink: the characters an autolink cannot hold are percent-encoded. */
function urlLink(url: string): string {
  return `<${url.replace(/[\s<>]/g, (c) => encodeURIComponent(c))}>`;
}

/** A body's constraints, its allowed values first: a body has no "Allowed values" line of its own. */
function bodyRules(schema: SchemaView): string[] | undefined {
  if (!schema.enum) return schema.rules;
  return [`one of: ${schema.enum.map((v) => inlineCode(v)).join(', ')}`, ...(schema.rules ?? [])];
}

/**
 * A body an earlier response of the operation already showed (the same media types, schema,
 * fields and examples: typically one error body under 400, 401, 403 and 404) is described once;
 * later responses say whose it is. Each keeps its own description and headers.
 */
function dedupeBodies<T extends { status: string; contents: unknown[]; sameBodyAs?: string }>(responses: T[]): T[] {
  const firstWith = new Map<string, string>();
  return responses.map((response) => {
    if (!response.contents.length) return response;
    const body = JSON.stringify(response.contents);
    const earlier = firstWith.get(body);
    if (earlier === undefined) {
      firstWith.set(body, response.status);
      return response;
    }
    return { ...response, contents: [], sameBodyAs: earlier };
  });
}

/**
 * The same schema under several media types is described once; later ones say so, and leave out
 * an example that is the same as the first's too: Google's discovery-made specs list a body under
 * ~370 media types (`audio/aac`, `image/png`…), and repeating its example made a 1.8 MB page.
 */
function dedupeSchemas<
  T extends {
    mediaType: string;
    type?: string;
    fields: unknown[];
    rules?: string[];
    sameAs?: string;
    example?: string;
    exampleLanguage?: string;
    exampleNote?: string;
    moreExamples?: unknown[];
  },
>(contents: T[]): (T & { sameExample?: boolean })[] {
  // The type alone is not the schema: two inline objects are both "object", with their own fields.
  const shape = contents.map((content) => JSON.stringify([content.type, content.fields, content.rules]));
  return contents.map((content, index) => {
    const first = contents.findIndex(
      (other, at) => other.type !== undefined && other.fields.length > 0 && shape[at] === shape[index],
    );
    if (first === -1 || first >= index) return linkedSchemaDeduped(contents, index);
    const earlier = contents[first]!;
    const withoutExample = sameExample(content, earlier)
      ? { example: undefined, moreExamples: undefined, sameExample: true }
      : {};
    // Why there is no example (a file's bytes under each of Google's upload types) is said once.
    const saidBefore = contents.slice(0, index).some((other) => other.exampleNote === content.exampleNote);
    const withoutNote = content.exampleNote && saidBefore ? { exampleNote: undefined } : {};
    return { ...content, fields: [], rules: undefined, sameAs: earlier.mediaType, ...withoutExample, ...withoutNote };
  });
}

type DedupedContent = {
  mediaType: string;
  type?: string;
  fields: unknown[];
  example?: string;
  exampleLanguage?: string;
  moreExamples?: unknown[];
};

/** Whether two media types' examples read the same: text, language and the named ones after it. */
function sameExample(content: DedupedContent, earlier: DedupedContent): boolean {
  return (
    content.example !== undefined &&
    content.example === earlier.example &&
    content.exampleLanguage === earlier.exampleLanguage &&
    JSON.stringify(content.moreExamples) === JSON.stringify(earlier.moreExamples)
  );
}

/**
 * A media type whose schema lists no fields here (a linked one, whose fields are on the schemas
 * page, or a union, whose variants are listed), with the same example as an earlier media type of
 * the same type: the example is left out and the media type says whose it is (only the example is
 * said to be the same, and it is). Kubernetes lists each body as JSON, YAML and protobuf, Azure's
 * specs as `application/json` and `text/json` (14,000 bodies in 172 of APIs.guru's specs), each
 * with the same example again.
 */
function linkedSchemaDeduped<T extends DedupedContent>(contents: T[], index: number): T & { exampleSameAs?: string } {
  const content = contents[index]!;
  if (content.type === undefined || content.fields.length) return content;
  const earlier = contents
    .slice(0, index)
    .find((other) => other.type === content.type && !other.fields.length && sameExample(content, other));
  return earlier
    ? { ...content, example: undefined, moreExamples: undefined, exampleSameAs: earlier.mediaType }
    : content;
}

function variantsView(schema: SchemaView, links: Links, key: string) {
  if (!schema.variants && !schema.discriminator) return undefined;
  return {
    keyword: schema.variants?.keyword === 'anyOf' ? 'Any of' : 'One of',
    types: schema.variants?.types.map((t) => links.type(t, key)) ?? [],
    discriminator: schema.discriminator && {
      propertyName: inlineCode(schema.discriminator.propertyName),
      mapping: schema.discriminator.mapping.map((m) => ({ value: inlineCode(m.value), type: links.type(m.type, key) })),
    },
  };
}

function fieldView(field: SchemaField, links: Links, key: string) {
  const badges = [
    field.variant === undefined ? '' : `_variant ${field.variant}_`,
    field.deprecated ? '**Deprecated.**' : '',
    field.readOnly ? '_read-only_' : '',
    field.writeOnly ? '_write-only_' : '',
    field.circular ? '↻ _circular reference_' : '',
  ].filter(Boolean);
  const notes = [
    ...badges,
    cellText(links.described(field.description, key)) ?? '',
    ...field.constraints.map((c) => `(${c})`),
  ].filter(Boolean);
  return {
    name: escapeTableCell(inlineCode(field.name)),
    type: links.type(field.type, key) + (field.nullable && !field.type.nullable ? ' or null' : ''),
    required: field.required,
    description: escapeTableCell(cellNotes(notes)),
  };
}

function schemasView(schemas: NamedSchema[], links: Links, key: string) {
  return { schemas: schemas.map((schema) => schemaView(schema, links, key)) };
}

/** A named schema's section on the schemas page, under its `##` heading. */
function schemaView(schema: NamedSchema, links: Links, key: string) {
  const description = placeFragment(links.described(schema.description, key), 3);
  return {
    anchor: schema.anchor,
    name: escapeMarkdownInline(schema.name),
    aliases: schema.aliases?.map((alias) => inlineCode(alias)).join(', '),
    description,
    // Under its last heading, the type, fields and example read as a part of that section.
    ...descriptionParts(description),
    deprecated: schema.deprecated,
    externalDocs: externalDocsView(schema.externalDocs),
    circular: schema.circular,
    cycle: schema.cycle?.map((name) => escapeMarkdownInline(name)).join(' → '),
    type: links.type(schema.type, key),
    fields: schema.fields.map((f) => fieldView(f, links, key)),
    variants: variantsView(schema, links, key),
    rules: schema.rules,
    enum: schema.enum?.map((v) => inlineCode(v)).join(', '),
    example: shownExample(schema.example, schema.exampleGenerated),
    exampleLanguage: schema.exampleLanguage ?? 'json',
    exampleGenerated: schema.exampleGenerated,
    exampleAssembled: schema.exampleAssembled,
  };
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out.length ? out : [[]];
}
