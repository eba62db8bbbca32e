/**
 * Names as people write them: the words of an identifier or a package name, and a service's name
 * for a page title.
 */

/**
 * The words of a name, split at what is not a letter or digit and where a capital follows a small
 * letter or digit: `users.service`, `users-service` and `usersService` → `users`, `service`.
 */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** Words a service name spells in small letters that people write otherwise. */
const WRITTEN_AS: Record<string, string> = {
  api: 'API',
  bff: 'BFF',
  graphql: 'GraphQL',
  grpc: 'gRPC',
  http: 'HTTP',
  rest: 'REST',
  rpc: 'RPC',
  sso: 'SSO',
  ui: 'UI',
};

/**
 * A service's name (a package name without its scope, or a folder's) as a person writes it in a
 * title: its words, the first capitalised, the rest in small letters unless written in capitals
 * (`order-service` → `Order service`, `catalogApi` → `Catalog API`, `payments` → `Payments`).
 */
export function readableName(service: string): string {
  const words = wordsOf(service).map((word) => WRITTEN_AS[word.toLowerCase()] ?? spokenCase(word));
  if (!words.length) return service;
  const [first, ...rest] = words;
  return [first!.charAt(0).toUpperCase() + first!.slice(1), ...rest].join(' ');
}

/** A word in small letters, unless it is all capitals (an acronym the author wrote: `AWS`). */
function spokenCase(word: string): string {
  return /^[A-Z0-9]+$/.test(word) && /[A-Z]/.test(word) && word.length > 1 ? word : word.toLowerCase();
}
