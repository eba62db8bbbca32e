/**
 * `metadata.annotations` as an on-call engineer reads them: the well-known ones (the repository,
 * PagerDuty, Sentry, Kubernetes…) as labelled rows, linked where a URL can be built from the values
 * alone; every other one as written, in a table of its own. Keys that look secret are dropped when
 * the catalog is read, so they reach neither a page nor a user's template.
 */

/** A well-known annotation: a label, the value to show, and a link when one is safe to build. */
export interface AnnotationRow {
  label: string;
  text: string;
  url?: string;
}

// `pagerduty.com/integration-key`, `…/api-token`, `vault.io/secret-path`: the value may open something.
const SECRET = /integration[-_]?key|token|secret|passw(or)?d|api[-_]?key|private[-_]?key|credential/i;

export function looksSecret(key: string): boolean {
  return SECRET.test(key);
}

type Annotations = Map<string, string>;

interface Known {
  key: string;
  label: string;
  /** The text and link for the value; `uses`: other annotations it read, not listed again. */
  read?: (value: string, annotations: Annotations) => { text: string; url?: string; uses?: string[] };
}

/** A URL as written, linked when it is http(s). */
const asUrl = (value: string) => ({ text: safeUrl(value) ?? value, url: safeUrl(value) });
/** A Backstage location (`url:https://…`, `dir:.`): a link for `url:`, else as written. */
const asLocation = (value: string) => (/^url:/i.test(value) ? asUrl(value.replace(/^url:/i, '')) : { text: value });

const SLUG = /^[\w.-]+(\/[\w.-]+)+$/;
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?$/i;

/** In the order a page shows them: where the code is, where alerts go, where it runs, what to look at. */
const KNOWN: Known[] = [
  {
    key: 'github.com/project-slug',
    label: 'Repository',
    read: (slug) => ({ text: slug, url: /^[\w.-]+\/[\w.-]+$/.test(slug) ? `https://github.com/${slug}` : undefined }),
  },
  {
    key: 'gitlab.com/project-slug',
    label: 'Repository',
    read: (slug, annotations) => {
      // A self-hosted GitLab says its host in `gitlab.com/instance`; only a plain host is used.
      const instance = annotations.get('gitlab.com/instance');
      const host = instance && HOST.test(instance) ? instance : undefined;
      return {
        text: slug,
        url: SLUG.test(slug) ? `https://${host ?? 'gitlab.com'}/${slug}` : undefined,
        uses: host ? ['gitlab.com/instance'] : [],
      };
    },
  },
  { key: 'backstage.io/source-location', label: 'Source location', read: asLocation },
  { key: 'backstage.io/view-url', label: 'View source', read: asLocation },
  { key: 'backstage.io/edit-url', label: 'Edit', read: asLocation },
  {
    key: 'pagerduty.com/service-id',
    label: 'PagerDuty service',
    read: (id, annotations) => {
      // `pagerduty.com/account` names an account in Backstage's config, not always a host: a link
      // only when it is one (`acme.pagerduty.com`), else the id alone.
      const account = annotations.get('pagerduty.com/account');
      const host = account && /^[a-z0-9-]+(\.eu)?\.pagerduty\.com$/i.test(account) ? account : undefined;
      const url = host && /^[A-Z0-9]+$/i.test(id) ? `https://${host}/service-directory/${id}` : undefined;
      return { text: id, url, uses: url ? ['pagerduty.com/account'] : [] };
    },
  },
  { key: 'opsgenie.com/team', label: 'Opsgenie team' },
  { key: 'sentry.io/project-slug', label: 'Sentry project' },
  { key: 'backstage.io/kubernetes-id', label: 'Kubernetes id' },
  { key: 'grafana/dashboard-selector', label: 'Grafana dashboards' },
  { key: 'datadoghq.com/dashboard-url', label: 'Datadog dashboard', read: asUrl },
  { key: 'backstage.io/techdocs-ref', label: 'TechDocs', read: asLocation },
  // The ADR plugin's: a URL, or a folder beside the catalog file (`docs/adr`), shown as written.
  { key: 'backstage.io/adr-location', label: 'Decision records', read: (value) => asUrl(value.replace(/^url:/i, '')) },
];

/** The well-known annotations as rows, and every other one as it is. */
export function annotationRows(annotations: Array<{ key: string; value: string }>): {
  known: AnnotationRow[];
  /** `url`: the value itself, when it is an http(s) URL (`grafana/dashboard-url`, `argocd/app-url`). */
  other: Array<{ key: string; value: string; url?: string }>;
} {
  // A value on one line: a table cell or inline code cannot hold a line break.
  const byKey: Annotations = new Map(
    annotations
      .map(({ key, value }) => [key, value.replace(/\s+/g, ' ').trim()] as const)
      .filter(([key, value]) => value && !looksSecret(key)),
  );
  const used = new Set<string>();
  const known = KNOWN.flatMap(({ key, label, read }) => {
    const value = byKey.get(key);
    if (value === undefined) return [];
    const { text, url, uses = [] } = read?.(value, byKey) ?? { text: value };
    [key, ...uses].forEach((name) => used.add(name));
    return [{ label, text, url }];
  });
  // A value that is a web address (a Grafana dashboard, an Argo CD app) is linked, as a known one is.
  const other = [...byKey]
    .filter(([key]) => !used.has(key))
    .map(([key, value]) => {
      const url = /^https?:\/\//i.test(value) ? safeUrl(value) : undefined;
      return url ? { key, value, url } : { key, value };
    });
  return { known, other };
}

/**
 * An http(s) URL that can stand in a Markdown link inside a table cell, or undefined (no
 * `javascript:`, no relative text). Credentials in it are dropped; the characters that would end
 * the link or the cell are percent-encoded, which a browser reads the same.
 */
export function safeUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.username = '';
  url.password = '';
  return url.href.replace(
    /[()|\\<>\s`]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
