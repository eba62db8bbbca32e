/**
 * The servers an API is served from: OpenAPI 3's `servers` (the spec's, a path item's, an
 * operation's) with their variables, Swagger 2.0's `host` + `basePath` + `schemes`, Azure's
 * `x-ms-parameterized-host`. Which of them curl starts from is servers.ts's.
 */
import type { SpecPointer, SpecSet } from './load.js';
import type { ApiModel, Server, ServerVariable, Dialect, Operation } from './model.js';
import { child } from './schemas.js';
import { type Json, type WalkContext, type PathItemAbout, text, deref } from './walk.js';

// ---- the document around the operations ------------------------------------------------------

export function servers(document: Json, dialect: Dialect): ApiModel['servers'] {
  if (dialect === 'swagger-2.0') {
    if (!document.host) return document.basePath ? [{ url: String(document.basePath) }] : [];
    const schemes =
      Array.isArray(document.schemes) && document.schemes.length ? (document.schemes as string[]) : ['https'];
    return schemes.map((scheme) => ({ url: `${scheme}://${String(document.host)}${String(document.basePath ?? '')}` }));
  }
  return serverList(document.servers) ?? [];
}

/**
 * An operation's own `servers` (OpenAPI 3.x), else its path item's: these replace the spec's for
 * it, so its curl example starts from the first of them. None when it has none of its own.
 */
export function operationServers(
  context: WalkContext,
  operation: Json,
  about: PathItemAbout,
): Pick<Operation, 'servers'> | undefined {
  const own = context.dialect === 'swagger-2.0' ? undefined : serverList(operation.servers);
  const servers = own ?? about.servers;
  // Generated specs repeat the spec's servers on every operation: nothing to tell the reader there.
  return servers && serverUrls(servers) !== context.serverUrls ? { servers } : undefined;
}

export function serverUrls(servers: ApiModel['servers']): string {
  return servers.map((server) => server.url).join('\n');
}

/** A `servers` list as the model holds it, variables filled with their defaults; undefined if it is no (or an empty) list. */
export function serverList(list: unknown): ApiModel['servers'] | undefined {
  if (!Array.isArray(list) || !list.length) return undefined;
  return (list as Json[])
    .filter((server) => server && typeof server === 'object')
    .map((server) => {
      const variables = serverVariables(server.variables);
      return {
        ...filledUrl(String(server.url ?? '/'), server.variables as Json | undefined),
        description: text(server.description),
        ...(variables.length && { variables }),
      };
    });
}

/**
 * Azure AutoRest's `x-ms-parameterized-host` stands for Swagger 2.0's `host`: a `hostTemplate`
 * whose `{parameters}` are filled per client (`{accountName}.{adlaJobDnsSuffix}`, or a whole
 * `{Endpoint}` that brings its own scheme), each one a server variable here, with the default and
 * description its parameter gives. `useSchemePrefix` (default true) puts each of the spec's
 * `schemes` in front. Its `positionInOperation` orders a generated SDK method's arguments, nothing
 * a request carries, so it changes nothing here.
 */
export function parameterizedHost(spec: SpecSet, document: Json, root: SpecPointer): ApiModel['servers'] | undefined {
  const host = document['x-ms-parameterized-host'] as Json | undefined;
  if (!host || typeof host !== 'object' || typeof host.hostTemplate !== 'string') return undefined;
  const hostAt = child(root, 'x-ms-parameterized-host');
  const parameters = (Array.isArray(host.parameters) ? host.parameters : [])
    .map((raw, index) => deref(spec, raw, child(hostAt, 'parameters', index)).value as Json | undefined)
    .filter((parameter): parameter is Json => typeof parameter?.name === 'string');
  const variables: Json = Object.fromEntries(
    parameters.map((p) => [p.name, { default: p.default, enum: p.enum, description: p.description }]),
  );
  const basePath = typeof document.basePath === 'string' ? document.basePath : '';
  const template = `${basePath.startsWith('/') ? host.hostTemplate.replace(/\/+$/, '') : host.hostTemplate}${basePath}`;
  const schemes = Array.isArray(document.schemes) && document.schemes.length ? document.schemes.map(String) : ['https'];
  const urls = host.useSchemePrefix === false ? [template] : schemes.map((scheme) => `${scheme}://${template}`);
  const serverVariableList = serverVariables(variables);
  return urls.map((url) => ({
    ...filledUrl(url, variables),
    ...(serverVariableList.length && { variables: serverVariableList }),
  }));
}

/** A server's `variables`: each with its default, the values it may take and what it is. */
function serverVariables(raw: unknown): ServerVariable[] {
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Json).map(([name, value]) => {
    const variable = (value ?? {}) as Json;
    return {
      name,
      default: variable.default === undefined ? undefined : String(variable.default),
      values: Array.isArray(variable.enum) ? variable.enum.map(String) : undefined,
      description: text(variable.description),
    };
  });
}

/**
 * A server's URL with each variable at its default, for curl to start from, and as written when
 * a default filled one: the Servers list shows where each variable goes beside what it may be.
 */
function filledUrl(written: string, variables: Json | undefined): Pick<Server, 'url' | 'template'> {
  const url = substituteVariables(written, variables);
  return url === written ? { url } : { url, template: written };
}

function substituteVariables(url: string, variables: Json | undefined): string {
  if (!variables) return url;
  return url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name] as Json | undefined;
    return variable && variable.default !== undefined ? String(variable.default) : whole;
  });
}
