/** What the runbook plugin reads: each service's catalog entry and its runbook. */

export interface RunbookModel {
  /** The folder searched for `catalog-info.yaml` files. */
  dir: string;
  services: Service[];
  /** The `kind: System` entities of the same catalog files: not pages, but what a service is part of. */
  systems: System[];
  /** The `kind: API` and `kind: Resource` entities: not pages, but described where a component names them. */
  apis: CatalogEntity[];
  resources: CatalogEntity[];
  /**
   * The `kind: Group` and `kind: User` entities: not pages, but whom a component's `spec.owner`
   * names, shown by name with their contacts. Absent in a model made before owners were read.
   */
  owners?: Owner[];
}

/** A Backstage Group or User: who owns a service, and how to reach them. */
export interface Owner {
  kind: 'group' | 'user';
  name: string;
  namespace: string;
  /** `spec.profile.displayName`, else `metadata.title`; absent when neither is given. */
  displayName?: string;
  /** `spec.profile.email`. */
  email?: string;
  /** `metadata.links` to web pages (a Slack channel, the team's page). */
  links: Link[];
  file: string;
  line?: number;
}

/** A Backstage API or Resource (`artists-db`, a database): what a component's page says of it where it names it. */
export interface CatalogEntity {
  name: string;
  namespace: string;
  /** `metadata.title`, else the name. */
  title: string;
  description?: string;
  /** `spec.type`: `openapi`, `grpc`, `database`, `s3-bucket`… */
  type?: string;
  owner?: string;
  /**
   * `spec.dependsOn` and `spec.dependencyOf` (entity references): a Resource that depends on a
   * component (its CI pipeline, its dashboard) is shown on that component's runbook among its dependents.
   */
  dependsOn?: string[];
  dependencyOf?: string[];
  file: string;
  line?: number;
}

/** A Backstage System: a group of components, shown on their runbooks and as a group on the index. */
export interface System {
  name: string;
  namespace: string;
  /** `metadata.title`, else the name. */
  title: string;
  description?: string;
  owner?: string;
  /**
   * `metadata.links` (the system's architecture page, its team's channel): shown on the runbook of
   * each component that is part of it, after the component's own. Absent in a model made before
   * a System's links were read.
   */
  links?: Link[];
  file: string;
  line?: number;
}

export interface Service {
  /** `metadata.name`: the entity's id, what other entities' `dependsOn` names. */
  name: string;
  /** `metadata.namespace`, `default` when not given: with the name, what identifies the entity. */
  namespace: string;
  /** `metadata.title`, else the name. */
  title: string;
  description?: string;
  /** `spec.type` (service, website, library…), `spec.lifecycle`, `spec.owner`, `spec.system`. */
  type?: string;
  lifecycle?: string;
  owner?: string;
  system?: string;
  /** The line of `spec.system` in `file`. */
  systemLine?: number;
  /** `spec.subcomponentOf`: the entity reference of the component this one is part of. */
  subcomponentOf?: string;
  tags: string[];
  /** `metadata.labels` in file order: Backstage's key/value classification (`tier: "1"`). */
  labels: Array<{ key: string; value: string }>;
  /**
   * `metadata.annotations` in file order, without the keys that look secret (`…token`,
   * `…integration-key`…): those never reach a page, nor a user's template.
   */
  annotations: Array<{ key: string; value: string }>;
  links: Link[];
  /** Entity references (`component:orders`, `resource:default/orders-db`). */
  dependsOn: string[];
  /** `spec.dependencyOf`: the entities that depend on this one, said from this side. */
  dependencyOf: string[];
  providesApis: string[];
  consumesApis: string[];
  runbook: Runbook;
  /** The catalog-info file, and the runbook file when there is one. */
  file: string;
  /** The line of `metadata.name` in it. */
  line?: number;
  runbookFile?: string;
}

export interface Link {
  title: string;
  url: string;
}

/** `runbook.yaml` beside the catalog entry: what on-call needs at 3 a.m. */
export interface Runbook {
  oncall?: { team?: string; schedule?: string; escalation?: string[] };
  dashboards: Link[];
  slos: Array<{ name: string; objective: string; window?: string }>;
  alerts: Alert[];
  procedures: Procedure[];
  /** `runbook.md` beside it, as written, after its front matter. */
  notes?: string;
  /** Where `notes` came from: the file, and the line its first line is on (leading blank lines trimmed). */
  notesFrom?: { file: string; line: number };
  /**
   * The fields of `runbook.md`'s front matter for readers (`severity`, `service`, `tags`), in its
   * order, lists joined with commas; a site's own keys (`title`, `slug`, `sidebar_position`) are
   * not. Absent when there is none. The front matter is never part of `notes`.
   */
  notesFields?: Array<{ label: string; value: string }>;
}

export interface Alert {
  name: string;
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
  /** What firing means, in words. */
  meaning: string;
  /** What to do, in order (Markdown). */
  actions: string[];
  dashboard?: string;
}

export interface Procedure {
  title: string;
  /** When to run it. */
  when?: string;
  steps: string[];
}
