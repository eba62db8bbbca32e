/**
 * Backstage entity references (`component:default/orders`, `Checkout`, `default/checkout`), read as
 * Backstage reads them: kind, namespace and name are compared without regard to letter case, and a
 * reference without a namespace is in the namespace of the entity that writes it.
 */

/** `component:default/orders` → kind `component`, name `orders`; a bare name is a component. */
export function parseEntityRef(ref: string): { kind: string; namespace?: string; name: string } {
  const match = /^(?:([^:/]+):)?(?:([^/]+)\/)?(.+)$/.exec(ref.trim());
  return { kind: (match?.[1] ?? 'component').toLowerCase(), namespace: match?.[2], name: match?.[3] ?? ref };
}

/**
 * What identifies the entity `ref` names, written by an entity in `namespace`: `kind:namespace/name`
 * in lower case, so `Checkout`, `checkout` and `system:Default/checkout` are one System.
 * `kind` is the kind a reference without one names (the field says it: `spec.system` a System).
 */
export function entityId(ref: string, kind: string, namespace: string): string {
  const parsed = parseEntityRef(ref.includes(':') ? ref : `${kind}:${ref}`);
  return `${parsed.kind}:${parsed.namespace ?? namespace}/${parsed.name}`.toLowerCase();
}

/** The id of an entity a catalog file defines (see entityId). */
export function ownId(kind: string, entity: { namespace: string; name: string }): string {
  return `${kind}:${entity.namespace}/${entity.name}`.toLowerCase();
}

/** `ref` as a reader wants it: its name, and its namespace in brackets when not `default`. */
export function shownRef(ref: string, namespace: string): string {
  const parsed = parseEntityRef(ref);
  const inNamespace = parsed.namespace ?? namespace;
  return inNamespace.toLowerCase() === 'default' ? parsed.name : `${parsed.name} (${inNamespace})`;
}

/**
 * An owner as Backstage shows it: a Group (the kind an owner names when it says none) without
 * its kind, and no namespace when it is `default` or the owning entity's own
 * (`group:default/platform-admins` → `platform-admins`, `user:guest` stays `user:guest`).
 */
export function ownerName(ref: string, namespace: string): string {
  const parsed = parseEntityRef(ref.includes(':') ? ref : `group:${ref}`);
  const inNamespace = parsed.namespace?.toLowerCase();
  const shownNamespace =
    !inNamespace || inNamespace === 'default' || inNamespace === namespace.toLowerCase() ? '' : `${parsed.namespace}/`;
  return `${parsed.kind === 'group' ? '' : `${parsed.kind}:`}${shownNamespace}${parsed.name}`;
}
