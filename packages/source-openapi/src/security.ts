/**
 * Security schemes and requirements: the schemes a spec declares (possibly in a `$ref`'d
 * components file), how each is summarised on the overview, an operation's requirements, which
 * schemes' lists are roles rather than scopes, API keys that say no name or place, and the shell
 * variable each API key of a several-key requirement is read from in the curl examples.
 */
import { inlineCode } from '@docgen/core';
import { isRef, type SpecPointer, type SpecSet } from './load.js';
import type { Dialect, SecurityRequirement, SecurityScheme } from './model.js';
import { child } from './schemas.js';
import { type WalkContext, type Json, mapAt, componentMap, deref, text } from './walk.js';

/** Path-level parameters, overridden by operation-level ones with the same name and location. */
/** Where an API key may travel; one that says none (or another) is taken for a header, as most are. */
const API_KEY_PLACES = new Set(['header', 'query', 'cookie']);

/**
 * An API key scheme that does not say its `name`, or where it is sent (`in`), as OpenAPI requires
 * (hellosign's fixtures write a bare `{ type: apiKey }`): reported at the scheme, which the page
 * shows as it can: unnamed ones are not sent by the curl examples, placeless ones as a header.
 */
export function warnIncompleteApiKeys(context: WalkContext): void {
  const declared = declaredSchemes(context.spec, context.document, context.dialect);
  for (const name of Object.keys(declared?.map ?? {})) {
    const definition = securityDefinition(context, name);
    if (definition?.type !== 'apiKey') continue;
    const named = typeof definition.name === 'string' && !!definition.name;
    const placed = API_KEY_PLACES.has(String(definition.in));
    if (named && placed) continue;
    const missing = [named ? '' : '`name`', placed ? '' : '`in`'].filter(Boolean).join(' and ');
    context.report({
      code: 'DG_OPENAPI_SECURITY_SCHEME',
      severity: 'warning',
      message: `API key scheme "${name}" has no ${missing}: ${named ? 'its curl examples send it as a header' : 'its curl examples cannot send it'}`,
      ...context.spec.where(child(declared!.at, name)),
      hint: 'give it `name` (the header, query parameter or cookie that carries the key) and `in` (header, query or cookie)',
    });
  }
}

/**
 * The declared schemes whose requirement lists are roles (OpenAPI 3.1: "a list of role names" for
 * any scheme but OAuth 2.0 and OpenID Connect, whose lists are scopes).
 */
export function roleSchemes(spec: SpecSet, document: Json, dialect: Dialect): Set<string> {
  const declared = declaredSchemes(spec, document, dialect)?.map ?? {};
  return new Set(
    Object.entries(declared)
      .filter(([, scheme]) => {
        const type = (scheme as Json | undefined)?.type;
        return typeof type === 'string' && type !== 'oauth2' && type !== 'openIdConnect';
      })
      .map(([name]) => name),
  );
}

export function requirements(
  security: unknown,
  roleSchemes: ReadonlySet<string>,
): { required?: SecurityRequirement[]; optional: boolean } {
  if (!Array.isArray(security)) return { optional: false };
  const alternatives = security.filter((s) => s && typeof s === 'object' && Object.keys(s).length > 0);
  const optional = security.some((s) => s && typeof s === 'object' && Object.keys(s).length === 0);
  if (!alternatives.length) return { optional };
  return {
    required: alternatives.map((s: Record<string, string[]>) => ({
      schemes: Object.entries(s).map(([name, listed]) => {
        const scopes = Array.isArray(listed) ? listed.map(String) : [];
        return { name, scopes, ...(scopes.length && roleSchemes.has(name) ? { roles: true } : {}) };
      }),
    })),
    optional,
  };
}

/** The security schemes the spec declares (Swagger 2.0's `securityDefinitions`), through a `$ref` the map may be written as. */
function declaredSchemes(spec: SpecSet, document: Json, dialect: Dialect): { map: Json; at: SpecPointer } | undefined {
  const root: SpecPointer = { file: spec.rootFile, pointer: '' };
  return dialect === 'swagger-2.0'
    ? mapAt(spec, document.securityDefinitions, child(root, 'securityDefinitions'))
    : componentMap(spec, document, 'securitySchemes');
}

export function securitySchemes(spec: SpecSet, document: Json, dialect: Dialect): SecurityScheme[] {
  const declared = declaredSchemes(spec, document, dialect);
  return Object.entries(declared?.map ?? {}).map(([name, raw]) => {
    // A scheme may be a `$ref` to a file of its own (Redocly's openapi-starter keeps each so).
    const s = (deref(spec, raw, child(declared!.at, name)).value ?? {}) as Json;
    const scheme: SecurityScheme = {
      name,
      type: String(s.type ?? ''),
      description: text(s.description),
      summary: summarizeScheme(s),
    };
    if (s.type === 'oauth2') scheme.oauth = oauthFlows(s);
    return scheme;
  });
}

/** An OAuth 2.0 scheme's flows (3.x `flows`, or Swagger 2.0's single `flow`) and their scopes, each scope once. */
function oauthFlows(s: Json): NonNullable<SecurityScheme['oauth']> {
  const raw: Array<[string, Json]> =
    s.flows && typeof s.flows === 'object'
      ? Object.entries(s.flows as Json).map(([flow, value]) => [flow, (value ?? {}) as Json])
      : s.flow
        ? [[String(s.flow), s]]
        : [];
  const scopes = new Map<string, string | undefined>();
  const flows = raw.map(([flow, value]) => {
    for (const [name, description] of Object.entries((value.scopes ?? {}) as Json))
      if (!scopes.has(name) || !scopes.get(name)) scopes.set(name, text(description));
    return {
      flow,
      authorizationUrl: text(value.authorizationUrl),
      tokenUrl: text(value.tokenUrl),
      refreshUrl: text(value.refreshUrl),
    };
  });
  return { flows, scopes: [...scopes].map(([name, description]) => ({ name, description })) };
}

function summarizeScheme(s: Json): string {
  switch (s.type) {
    case 'http': {
      const scheme = String(s.scheme ?? '').toLowerCase();
      if (scheme === 'bearer')
        return `HTTP bearer token${s.bearerFormat ? ` (${String(s.bearerFormat)})` : ''}: \`Authorization: Bearer <token>\``;
      if (scheme === 'basic') return 'HTTP basic: `Authorization: Basic <base64 user:password>`';
      return `HTTP ${scheme}`;
    }
    case 'basic':
      return 'HTTP basic: `Authorization: Basic <base64 user:password>`';
    case 'apiKey': {
      if (typeof s.name !== 'string' || !s.name) return 'API key (the spec does not name it)';
      return `API key in ${API_KEY_PLACES.has(String(s.in)) ? String(s.in) : 'header'} ${inlineCode(s.name)}`;
    }
    case 'oauth2': {
      const flows = s.flows && typeof s.flows === 'object' ? Object.keys(s.flows) : s.flow ? [String(s.flow)] : [];
      return `OAuth 2.0${flows.length ? ` (${flows.join(', ')})` : ''}`;
    }
    case 'openIdConnect':
      return `OpenID Connect${s.openIdConnectUrl ? ` (${String(s.openIdConnectUrl)})` : ''}`;
    case 'mutualTLS':
      return 'Mutual TLS (client certificate)';
    default:
      return String(s.type ?? 'unknown');
  }
}

/**
 * Where a requirement names several API keys (Alpaca's key id and secret), one $API_KEY cannot
 * stand for both: every API key of the spec then gets a variable named after its scheme, in the
 * shell's style (`apiSecret` → `API_SECRET`, `app-id` → `APP_ID`), each its own.
 */
export function nameApiKeyVariables(context: WalkContext): void {
  const isApiKey = (name: string): boolean => securityDefinition(context, name)?.type === 'apiKey';
  const severalKeys = securityRequirements(context.document).some(
    (requirement) => Object.keys(requirement).filter(isApiKey).length > 1,
  );
  if (!severalKeys) return;
  const declared = declaredSchemes(context.spec, context.document, context.dialect)?.map;
  const taken = new Set(RESERVED_VARIABLES);
  for (const scheme of Object.keys(declared ?? {}).filter(isApiKey)) {
    const base =
      scheme
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
        .replace(/[^A-Za-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .toUpperCase() || 'API_KEY';
    const named = /^[0-9]/.test(base) ? `KEY_${base}` : base;
    let variable = named;
    for (let n = 2; taken.has(variable); n++) variable = `${named}_${n}`;
    taken.add(variable);
    context.apiKeyVariables.set(scheme, variable);
  }
}

/** Every security requirement the spec writes: the top level's and each operation's. */
function securityRequirements(document: Json): Json[] {
  const lists = [document.security];
  for (const key of ['paths', 'x-ms-paths', 'webhooks'])
    for (const item of Object.values((document[key] ?? {}) as Json))
      if (item && typeof item === 'object')
        for (const operation of Object.values(item as Json))
          if (operation && typeof operation === 'object') lists.push((operation as Json).security);
  return lists.flatMap((list) =>
    Array.isArray(list) ? list.filter((entry): entry is Json => !!entry && typeof entry === 'object') : [],
  );
}

/** The variables curl examples read for other things: an API key's own variable never takes one. */
const RESERVED_VARIABLES = ['BASE_URL', 'TOKEN', 'USERNAME', 'PASSWORD', 'CLIENT_CERT', 'CLIENT_KEY'];

export function securityDefinition(context: WalkContext, name: string): Json | undefined {
  const declared = declaredSchemes(context.spec, context.document, context.dialect);
  const value = declared?.map[name];
  return isRef(value)
    ? (context.spec.resolve(value.$ref, child(declared!.at, name)).value as Json)
    : (value as Json | undefined);
}
