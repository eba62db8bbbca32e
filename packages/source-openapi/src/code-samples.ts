/**
 * The code on an operation's page: its own samples (`x-codeSamples`, `x-code-samples`, kept in
 * files beside the spec or not) and the curl example docgen writes for it: URL with path and query
 * placeholders, credentials the operation's security asks for, headers, and the body as JSON, form
 * fields or a file upload, quoted for the shell.
 */
import { isRef, type SpecPointer } from './load.js';
import { pathTemplates, splitOutsideTemplates } from './path-template.js';
import type { CodeSample, CurlPlaceholder, FormPart, MediaContent, Operation, TypeExpr } from './model.js';
import { child } from './schemas.js';
import { curlServer } from './servers.js';
import { contentMediaTypeOf, isFileType } from './form-parts.js';
import { contentTypeSent, isBytesMediaType, mediaKind } from './media-types.js';
import type { WalkContext, Json } from './walk.js';
import { securityDefinition } from './security.js';
import { withoutRouteConstraints, pathParameterNames } from './paths.js';

// ---- code samples ------------------------------------------------------------------------------

/**
 * ReDoc's `x-codeSamples` (or the older `x-code-samples`): `{ lang, label?, source }` each. An
 * entry may be a `$ref` to a YAML or JSON file holding one (DigitalOcean keeps each sample in a
 * file of its own), and so may the whole list (`x-codeSamples: { $ref: code_samples/list.yaml }`,
 * its entries' `$ref`s then relative to that file), read now: the only `$ref`s in a vendor
 * extension docgen follows. One it cannot read (missing, not YAML or JSON, no `source`) is left
 * out with a warning at the `$ref`.
 */
export function codeSamples(context: WalkContext, operation: Json, at: SpecPointer): CodeSample[] {
  const key = operation['x-codeSamples'] != null ? 'x-codeSamples' : 'x-code-samples';
  let raw = operation[key];
  let listAt = child(at, key);
  if (isRef(raw)) {
    const ref = raw.$ref;
    const skip = codeSampleSkipper(context, ref, child(listAt, '$ref'));
    try {
      const list = context.spec.resolveDataAt(ref, at);
      if (!Array.isArray(list.value)) {
        return skip(
          isCodeSample(list.value)
            ? 'it holds one sample, not a list of them: make the $ref an entry of the list (`- $ref: …`)'
            : 'what it names is not a list of samples',
        );
      }
      raw = list.value;
      listAt = list;
    } catch (error) {
      return skip((error as Error).message);
    }
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown, index) => {
    let sample = (entry ?? {}) as Json;
    if (isRef(sample)) {
      const skip = codeSampleSkipper(context, sample.$ref as string, child(listAt, index, '$ref'));
      let target: unknown;
      try {
        target = context.spec.resolveData(sample.$ref as string, listAt);
      } catch (error) {
        return skip((error as Error).message);
      }
      if (!isCodeSample(target)) return skip('what it names has no `source`');
      // Keys written beside the `$ref` (a `label`) win over the file's.
      const { $ref: _ref, ...beside } = sample;
      sample = { ...target, ...beside };
    }
    // The source itself may be a file's text (`source: { $ref: code_samples/echo/post.cs }`).
    if (isRef(sample.source)) {
      const ref = sample.source.$ref;
      try {
        sample = { ...sample, source: context.spec.resolveText(ref, listAt) };
      } catch (error) {
        const skip = codeSampleSkipper(
          context,
          ref,
          child(listAt, index, 'source', '$ref'),
          'point it at the file of code',
        );
        return skip((error as Error).message);
      }
    }
    const { lang, label, source } = sample;
    if (typeof source !== 'string' || !source.trim()) return [];
    const language =
      typeof lang === 'string'
        ? lang
            .trim()
            .toLowerCase()
            .split(/\s/)[0]!
            .replace(/[^\w#+.-]/g, '')
        : '';
    const name = typeof label === 'string' && label.trim() ? label.trim() : typeof lang === 'string' ? lang.trim() : '';
    return [{ label: name || 'Sample', language: language || undefined, source }];
  });
}

/** An object with a `source` string: one code sample. */
function isCodeSample(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value) && typeof (value as Json).source === 'string';
}

/** Leaves a code sample (or a list of them) out, with warning DG_OPENAPI_CODE_SAMPLE at its `$ref`. */
function codeSampleSkipper(
  context: WalkContext,
  ref: string,
  refAt: SpecPointer,
  hint = 'point it at a YAML or JSON file holding `lang:` and `source:` (or a list of such samples)',
): (why: string) => CodeSample[] {
  return (why) => {
    context.report({
      code: 'DG_OPENAPI_CODE_SAMPLE',
      severity: 'warning',
      message: `code sample $ref "${ref}" is left out: ${why}`,
      ...context.spec.where(refAt),
      hint: `${hint} (its path is relative to the file the $ref is written in)`,
    });
    return [];
  };
}

// ---- curl --------------------------------------------------------------------------------------

/** A curl example, and what in it the reader must replace or set, as it wrote them. */
interface CurlExample {
  text: string;
  placeholders: CurlPlaceholder[];
  /** The shell variables it reads (`BASE_URL`, `TOKEN`, `API_KEY`…), in the order it first reads them. */
  variables: string[];
}

export function curl(context: WalkContext, operation: Operation): CurlExample {
  // An operation's own (or its path item's) servers replace the spec's.
  const base = operation.servers ? curlBase(curlServer(operation.servers)?.url) : context.curlBase;
  // An x-ms-paths key carries its own query string (`/?comp=list`): its parameters are sent already.
  // A `#fragment` is never sent: aws2openapi's `/#X-Amz-Target=…` paths only tell operations apart
  // (the target travels as a header parameter); a query after it would be lost in the fragment too.
  const [writtenPath] = splitOutsideTemplates(operation.path, '#');
  const requestPath = withoutRouteConstraints(writtenPath, pathParameterNames(operation.parameters));
  const [pathOnly, pathQuery] = splitOutsideTemplates(requestPath, '?');
  const inPath = new Set((pathQuery ?? '').split('&').map((pair) => pair.split('=')[0]));
  const placeholders: CurlPlaceholder[] = [
    ...pathTemplates(base).map((text) => ({ in: 'server' as const, text })),
    ...pathTemplates(pathOnly).map((text) => ({ in: 'path' as const, text })),
    ...(pathQuery ?? '')
      .split('&')
      .filter((pair) => pair.includes('{'))
      .map((text) => ({ in: 'query' as const, text })),
  ];
  const placeholder = (where: CurlPlaceholder['in'], text: string): string => {
    placeholders.push({ in: where, text });
    return text;
  };
  const query = operation.parameters
    .filter((p) => p.in === 'query' && p.required && !inPath.has(p.name))
    .flatMap((p) => {
      const name = encodeURIComponent(p.name);
      if (p.exampleQuery) return p.exampleQuery;
      const list = p.exampleList;
      if (!list) {
        const value = p.example ?? p.sample ?? p.constant;
        if (value === undefined) return [placeholder('query', `${name}=${queryPlaceholder(p.name)}`)];
        return [`${name}=${encodeURIComponent(value)}`];
      }
      if (list.separator === undefined) return list.items.map((item) => `${name}=${encodeURIComponent(item)}`);
      // The delimiter itself is written as OpenAPI's examples write it (`id=1,2`, `id=1|2`, `id=1%202`).
      const separator = /\s/.test(list.separator) ? encodeURIComponent(list.separator) : list.separator;
      return [`${name}=${list.items.map(encodeURIComponent).join(separator)}`];
    });
  const headers: string[] = [];
  /** `name=value` pairs, sent in one `--cookie` (a repeated one may replace the first). */
  const cookies = operation.parameters
    .filter((p) => p.in === 'cookie' && p.required)
    .map((p) => {
      const value = p.example ?? p.sample ?? p.constant;
      return value === undefined ? placeholder('cookie', `${p.name}={${p.name}}`) : `${p.name}=${value}`;
    });
  // Every scheme of the first alternative: a requirement that names two (Alpaca's key id and
  // secret, each a header of its own) needs both, or the request is refused.
  const credentials = curlCredentials(context, operation.security?.[0]?.schemes ?? []);
  query.push(...credentials.query);
  headers.push(...credentials.headers);
  cookies.unshift(...credentials.cookies);
  const body = operation.requestBody?.contents[0];
  const accept = operation.responses.find((r) => /^2/.test(r.status))?.contents[0]?.mediaType;
  const sendsAccept = !!accept && mediaKind(accept) !== 'any';
  const sent = headersSent(credentials, !!body, sendsAccept);
  for (const p of operation.parameters.filter((p) => p.in === 'header' && p.required)) {
    // An `Authorization`, `Content-Type` or `Accept` header parameter is ignored in OpenAPI 3 (the
    // security scheme, body or response says it); in Swagger 2.0 it is sent unless curl sends one.
    if ((p.ignored && !p.sentAnyway) || sent.has(p.name.toLowerCase())) continue;
    const value =
      (p.exampleList ? p.exampleList.items.join(p.exampleList.separator ?? ',') : (p.example ?? p.sample)) ??
      p.constant;
    // No value to send: a `{placeholder}`, written as a path or query parameter's is.
    const line = value === undefined ? placeholder('header', `${p.name}: {${p.name}}`) : `${p.name}: ${value}`;
    headers.push(`-H '${shellSafe(line)}'`);
  }
  if (cookies.length) headers.push(`--cookie ${shellQuoted(cookies.join('; '), credentials.variables)}`);
  if (body) headers.push(`-H 'Content-Type: ${contentTypeSent(body.mediaType)}'`);
  if (sendsAccept) headers.push(`-H 'Accept: ${accept}'`);
  const url = `${base}${requestPath}${query.length ? `${pathQuery === undefined ? '?' : '&'}${query.join('&')}` : ''}`;
  // curl reads `{a,b}` and `[1-9]` in a URL as globs: `/pets/{petId}` would quietly request
  // `/pets/petId`. With --globoff a placeholder left unreplaced fails visibly instead. (Path
  // parameters stay placeholders, not examples: a pasted DELETE must not hit a real resource.)
  const globoff = /[{}[\]]/.test(url) ? ' --globoff' : '';
  const lines = [
    `curl${globoff} ${methodFlag(operation.verb, !!body)} ${shellQuoted(url, credentials.variables)}`,
    ...headers,
  ];
  if (body) {
    const kind = mediaKind(body.mediaType);
    if (kind === 'json' && body.example) lines.push(`-d '${shellSafe(compactJson(body.example))}'`);
    else if (kind === 'multipart') lines.push(...multipartFlags(body));
    else if (body.sentFields) lines.push(...body.sentFields.map(urlencodedFlag));
    else if (isFileUpload(body)) lines.push(`--data-binary '@file'`);
    else if (body.example) lines.push(`--data-raw '${shellSafe(body.example)}'`);
  }
  // In the order the example writes them: the URL's, then the headers', then the cookie's.
  const order: Array<CurlPlaceholder['in']> = ['server', 'path', 'query', 'header', 'cookie'];
  placeholders.sort((a, b) => order.indexOf(a.in) - order.indexOf(b.in));
  const variables = [...(base.startsWith('$BASE_URL') ? ['BASE_URL'] : []), ...credentials.variables];
  // A file part docgen had to name is said, in a comment line above the command.
  const note = body && mediaKind(body.mediaType) === 'multipart' && unnamedFile(body) ? `${UNNAMED_PART_NOTE}\n` : '';
  return { text: note + lines.join(' \\\n  '), placeholders, variables };
}

/**
 * A multipart body's -F flags: the parts the page's table shows (formParts decides both), a file's
 * as a file. A body whose schema is the file itself, or a list of files (Jira's attachments
 * upload), names no part: it is sent as `file`, the name Jira asks for.
 */
function multipartFlags(body: MediaContent): string[] {
  const unnamed = unnamedFile(body);
  if (unnamed) return [`-F 'file=@file${curlPartType(contentMediaTypeOf(unnamed))}'`];
  return (body.sentParts ?? []).map(partFlag);
}

/**
 * One part as -F sends it: a file as `@file`, a value as it is, and its content type unless it is
 * the one curl sends by itself (`application/octet-stream` for a file, none, meaning `text/plain`,
 * for a value): an object's part says `;type=application/json`, as OpenAPI's default has it.
 */
function partFlag(part: FormPart): string {
  const curlDefault = part.file ? 'application/octet-stream' : 'text/plain';
  const type = part.contentType === curlDefault ? '' : curlPartType(part.contentType);
  const value = part.file ? '@file' : curlFormValue(part.value);
  return `-F '${shellSafe(`${part.name}=${value}${type}`)}'`;
}

/**
 * A part's value as -F must be given it: curl ends a value at a `;` (`{"a":"x;y"}` was sent as
 * `{"a":"x`), reads a file for one that starts with `@` or `<`, and unquotes one that starts with
 * a double quote, so such a value is written in double quotes, its `"` and `\` escaped; any other
 * is left as it is (a JSON part stays readable). `…` when unknown.
 */
function curlFormValue(value: string | undefined): string {
  if (value === undefined) return '…';
  return /;|^["@<]/.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : value;
}

/**
 * One field of a form-urlencoded body as `--data-urlencode` sends it: curl encodes the value; the
 * name is written encoded already, its brackets kept (`address[city]`), as the page's form text has it.
 */
function urlencodedFlag([name, value]: [string, string]): string {
  const encodedName = encodeURIComponent(name).replace(/%5B/g, '[').replace(/%5D/g, ']');
  return `--data-urlencode '${shellSafe(`${encodedName}=${value}`)}'`;
}

/** The file a multipart body's schema is, itself or as a list's items; undefined when it has fields. */
function unnamedFile(body: MediaContent): TypeExpr | undefined {
  const type = body.schema?.type;
  if (!type || body.schema!.fields.length) return undefined;
  const file = type.kind === 'array' ? type.items : type;
  return isFileType(file) ? file : undefined;
}

/** What a curl example says above itself when it names a file part the spec does not. */
const UNNAMED_PART_NOTE =
  '# The spec does not name the form part of the file: "file" is assumed; the operation\'s description may name another.';

/**
 * How curl is told the method: `-X GET`, but `--head` for HEAD. With `-X HEAD` curl still waits
 * for the body the headers announce, which never comes, so the pasted example hangs (curl warns
 * "Consider using -I/--head instead").
 *
 * A HEAD with a body (DG_OPENAPI_BODY_METHOD) cannot use `--head`: curl refuses `--head` with
 * `-d` ("You can only select one HTTP request method!"). It is sent with `-X HEAD` and the body, as
 * such an API needs, and `--max-time 10` ends the wait for a body that never comes.
 * A GET or DELETE with a body needs nothing more: `-X GET -d …` sends the body with that method.
 */
function methodFlag(verb: string, body: boolean): string {
  if (verb !== 'HEAD') return `-X ${verb}`;
  return body ? '-X HEAD --max-time 10' : '--head';
}

/**
 * What a required query parameter with no value to send is shown as: `{status}`, a placeholder
 * written as a path parameter's is (the example then passes `--globoff`, and the overview says to
 * replace it), readable where the percent-encoded `%3Cstatus%3E` was not. Only what would end the
 * value or the query (`&`, `#`, `%`, `+`, a space) is encoded in its name.
 */
function queryPlaceholder(name: string): string {
  return `{${name.replace(/[&#%+\s]/g, (character) => encodeURIComponent(character))}}`;
}

/** A media type, with parameters maybe (`text/plain; charset=utf-8`): tokens as HTTP writes them. */
const TOKEN = "[!#$%&'+.^_`|~\\w-]+";
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(\\s*;\\s*${TOKEN}=(${TOKEN}|"[^"\\\\]*"))*$`);

/**
 * What a file part's -F adds for the content type its encoding declares: `;type=image/png`, the
 * first of a list (`image/png, image/jpeg`: any of them may be sent). Nothing for a range
 * (`image/*`), which names no type to send, or for text that is no media type. With parameters
 * it is in double quotes, or curl would read `; charset=…` as a -F option of its own.
 */
function curlPartType(contentType: string | undefined): string {
  const first = contentType?.split(',')[0]!.trim();
  if (!first || !MEDIA_TYPE.test(first)) return '';
  return first.includes(';') ? `;type="${first.replace(/"/g, '\\"')}"` : `;type=${first}`;
}

/** A body that is a file's bytes (`format: binary`, or a media type that is never text): curl sends a file. */
function isFileUpload(body: MediaContent): boolean {
  return (body.schema !== undefined && isFileType(body.schema.type)) || isBytesMediaType(body.mediaType);
}

/** The headers (lower case) a curl example sends of its own: the credentials', `Content-Type` with a body, `Accept`. */
function headersSent(credentials: CurlCredentials, body: boolean, accept: boolean): Set<string> {
  const sent = new Set<string>();
  for (const flag of credentials.headers) {
    const header = /^-H ["']([^:"']+):/.exec(flag)?.[1];
    if (header) sent.add(header.toLowerCase());
    // `-u user:password`, `--digest -u …`: curl writes the Authorization header.
    else if (/(?:^|\s)-u\s/.test(flag)) sent.add('authorization');
  }
  if (body) sent.add('content-type');
  if (accept) sent.add('accept');
  return sent;
}

/**
 * The first server's URL as curl needs it: a protocol-relative `//host` gets `https:`; a relative
 * one (`/api/v3`, or no server at all: OpenAPI's default is `/`) is served from wherever the spec
 * is, which the spec does not say, so the example starts from `$BASE_URL` for the reader to set.
 */
export function curlBase(url = ''): string {
  const base = url.replace(/^\/\//, 'https://').replace(/\/+$/, '');
  // A URL that starts with a variable (`{Endpoint}/text/analytics/v3.0`, Azure's) has it stand for
  // the scheme and host: the reader replaces it, as a path parameter's placeholder.
  return /^([a-z][a-z0-9+.-]*:\/\/|\{[^}/]+\})/i.test(base) ? base : `$BASE_URL${base}`;
}

/**
 * Single-quoted; double-quoted only when it carries one of `variables` or $BASE_URL, so the shell
 * expands those (and nothing else).
 */
function shellQuoted(text: string, variables: ReadonlySet<string>): string {
  const names = ['BASE_URL', ...variables].join('|');
  const variable = new RegExp(`\\$(${names})(?![A-Za-z0-9_])`);
  if (!variable.test(text)) return `'${shellSafe(text)}'`;
  const otherDollar = new RegExp(`\\$(?!(${names})(?![A-Za-z0-9_]))`, 'g');
  return `"${text.replace(/[\\"`]/g, '\\$&').replace(otherDollar, '\\$')}"`;
}

interface CurlCredentials {
  query: string[];
  headers: string[];
  cookies: string[];
  /** The shell variables they read (`API_KEY`, `TOKEN`…). */
  variables: Set<string>;
}

/**
 * How curl sends each scheme of one security requirement, from shell variables the overview lists
 * (an API key `$API_KEY`, a token `$TOKEN`, a client certificate `$CLIENT_CERT`…).
 */
function curlCredentials(context: WalkContext, schemes: Array<{ name: string }>): CurlCredentials {
  const credentials: CurlCredentials = { query: [], headers: [], cookies: [], variables: new Set() };
  const definitions = schemes.flatMap(({ name }) => {
    const definition = securityDefinition(context, name);
    return definition ? [{ name, definition }] : [];
  });
  const send = (flag: string, variables: string[]): void => {
    if (!credentials.headers.includes(flag)) credentials.headers.push(flag);
    for (const variable of variables) credentials.variables.add(variable);
  };
  for (const { name, definition } of definitions) {
    const type = String(definition.type);
    const httpScheme = type === 'http' ? String(definition.scheme ?? '').toLowerCase() : '';
    if (type === 'apiKey') {
      // A key the spec does not name cannot be sent (reported by warnIncompleteApiKeys).
      if (typeof definition.name !== 'string' || !definition.name) continue;
      const variable = context.apiKeyVariables.get(name) ?? 'API_KEY';
      credentials.variables.add(variable);
      const keyName = definition.name;
      if (definition.in === 'query') credentials.query.push(`${encodeURIComponent(keyName)}=$${variable}`);
      else if (definition.in === 'cookie') credentials.cookies.push(`${keyName}=$${variable}`);
      else credentials.headers.push(`-H "${keyName}: $${variable}"`);
    } else if (type === 'basic' || httpScheme === 'basic') send(`-u "$USERNAME:$PASSWORD"`, ['USERNAME', 'PASSWORD']);
    else if (httpScheme === 'digest') send(`--digest -u "$USERNAME:$PASSWORD"`, ['USERNAME', 'PASSWORD']);
    // A client certificate is no header: curl presents it in the TLS handshake.
    else if (type === 'mutualTLS') send(`--cert "$CLIENT_CERT" --key "$CLIENT_KEY"`, ['CLIENT_CERT', 'CLIENT_KEY']);
    // An HTTP scheme other than bearer is named as the spec names it (`Authorization: Token $TOKEN`).
    else if (httpScheme && httpScheme !== 'bearer' && /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(String(definition.scheme)))
      send(`-H "Authorization: ${String(definition.scheme).replace(/[$`"\\]/g, '\\$&')} $TOKEN"`, ['TOKEN']);
    // OAuth 2.0, OpenID Connect and bearer tokens travel the same way.
    else send(`-H "Authorization: Bearer $TOKEN"`, ['TOKEN']);
  }
  return credentials;
}

function compactJson(text: string): string {
  try {
    const compact = JSON.stringify(JSON.parse(text));
    return compact.length <= 200 ? compact : text;
  } catch {
    return text;
  }
}

function shellSafe(value: string): string {
  return value.replace(/'/g, `'\\''`);
}
