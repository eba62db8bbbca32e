import { readFileSync } from 'node:fs';
import { closestName, isDocgenError, parseStructured } from '@docgen/core';
import { createHash } from 'node:crypto';
import type { FaultRule } from './control/faults.js';

/** What a user may do in a space. `write` implies `read`. */
export type SpacePermission = 'none' | 'read' | 'write';

export interface SandboxSpaceConfig {
  key: string;
  name?: string;
  /** Title of the homepage created with the space; defaults to `<name> Home`. */
  homepageTitle?: string;
}

export interface SandboxUserConfig {
  email: string;
  /** API token for Basic auth (email:token) and also accepted as a Bearer PAT. */
  token: string;
  displayName?: string;
  /** Space key → permission; the key `*` applies to every space not listed. */
  permissions?: Record<string, SpacePermission>;
}

export interface SandboxConfig {
  spaces: SandboxSpaceConfig[];
  users: SandboxUserConfig[];
  /** Fault rules active from the start (test mode only). */
  faults?: FaultRule[];
}

export const defaultConfig: SandboxConfig = {
  spaces: [{ key: 'DEV', name: 'Development' }],
  users: [
    {
      email: 'dev@example.com',
      token: 'sandbox-token',
      displayName: 'Sandbox Developer',
      permissions: { DEV: 'write' },
    },
  ],
};

export class SandboxConfigError extends Error {
  constructor(
    /** What is wrong; the message puts the file (or "sandbox config") before it. */
    readonly reason: string,
    /** The config file at fault, when there is one. */
    readonly file?: string,
    /** Its line at fault, when known (a syntax error). */
    readonly line?: number,
  ) {
    super(`${file ?? 'sandbox config'}: ${reason}`);
    this.name = 'SandboxConfigError';
  }
}

/**
 * Read and check a config file, JSON or YAML (by its extension, else its text), as docgen's own
 * config may be either: a `sandbox.yaml` was refused as "not valid JSON". Errors name the file,
 * the line of a syntax error, and the bad field.
 */
export function loadSandboxConfig(file: string): SandboxConfig {
  let raw: unknown;
  try {
    raw = parseStructured(readFileSync(file, 'utf8'), file, undefined, 'DG_SANDBOX_CONFIG').value;
  } catch (error) {
    const line = isDocgenError(error) ? error.location?.line : undefined;
    throw new SandboxConfigError(`cannot read sandbox config: ${(error as Error).message}`, file, line);
  }
  return validateSandboxConfig(raw, file);
}

export function validateSandboxConfig(raw: unknown, source = 'sandbox config'): SandboxConfig {
  const fail = (path: string, what: string): never => {
    throw new SandboxConfigError(`${path} ${what}`, source === 'sandbox config' ? undefined : source);
  };
  if (!raw || typeof raw !== 'object') fail('(root)', 'must be an object with "spaces" and "users"');
  const input = raw as Record<string, unknown>;
  // A misspelt key (`nmae:`, `permission:`) would leave its setting at the default without a word.
  const knownKeys = (value: unknown, keys: string[], path: string, what: string) => {
    if (!value || typeof value !== 'object') return;
    const unknown = Object.keys(value).find((key) => !keys.includes(key));
    if (unknown === undefined) return;
    const meant = closestName(unknown, keys);
    fail(
      `${path ? `${path}.` : ''}${unknown}`,
      `is not a key of ${what}${meant ? `: did you mean "${meant}"?` : ''} (its keys: ${keys.join(', ')})`,
    );
  };
  knownKeys(input, ['spaces', 'users', 'faults'], '', 'the sandbox config');
  const spaces = input.spaces ?? defaultConfig.spaces;
  const users = input.users ?? defaultConfig.users;
  if (!Array.isArray(spaces)) fail('spaces', 'must be an array');
  if (!Array.isArray(users)) fail('users', 'must be an array');
  const keys = new Set<string>();
  (spaces as unknown[]).forEach((space, i) => {
    const s = space as SandboxSpaceConfig;
    knownKeys(s, ['key', 'name', 'homepageTitle'], `spaces[${i}]`, 'a space');
    if (!s || typeof s.key !== 'string' || !/^[A-Za-z0-9]{1,255}$/.test(s.key)) {
      fail(`spaces[${i}].key`, 'must be letters and digits, e.g. "DEV"');
    }
    if (keys.has(s.key.toUpperCase())) fail(`spaces[${i}].key`, `repeats "${s.key}"`);
    keys.add(s.key.toUpperCase());
  });
  (users as unknown[]).forEach((user, i) => {
    const u = user as SandboxUserConfig;
    knownKeys(u, ['email', 'token', 'displayName', 'permissions'], `users[${i}]`, 'a user');
    if (!u || typeof u.email !== 'string' || !u.email.includes('@'))
      fail(`users[${i}].email`, 'must be an email address');
    if (typeof u.token !== 'string' || u.token.length === 0) fail(`users[${i}].token`, 'must be a non-empty string');
    for (const [key, permission] of Object.entries(u.permissions ?? {})) {
      if (!['none', 'read', 'write'].includes(permission)) {
        fail(`users[${i}].permissions.${key}`, 'must be "none", "read" or "write"');
      }
    }
  });
  if (input.faults !== undefined && !Array.isArray(input.faults)) fail('faults', 'must be an array of fault rules');
  return {
    spaces: (spaces as SandboxSpaceConfig[]).map((s) => ({ ...s, key: s.key.toUpperCase() })),
    users: users as SandboxUserConfig[],
    faults: input.faults as FaultRule[] | undefined,
  };
}

export interface SandboxUser {
  accountId: string;
  email: string;
  displayName: string;
  token: string;
  permissions: Record<string, SpacePermission>;
}

/** Atlassian account ids are opaque 24-hex strings; derive a stable one from the email. */
export function accountIdFor(email: string): string {
  return createHash('sha1').update(email.toLowerCase()).digest('hex').slice(0, 24);
}

export function toUsers(config: SandboxConfig): SandboxUser[] {
  return config.users.map((u) => ({
    accountId: accountIdFor(u.email),
    email: u.email,
    displayName: u.displayName ?? u.email.split('@')[0]!,
    token: u.token,
    permissions: Object.fromEntries(
      Object.entries(u.permissions ?? {}).map(([k, v]) => [k === '*' ? k : k.toUpperCase(), v]),
    ),
  }));
}

export function permissionIn(user: SandboxUser, spaceKey: string): SpacePermission {
  return user.permissions[spaceKey.toUpperCase()] ?? user.permissions['*'] ?? 'none';
}
