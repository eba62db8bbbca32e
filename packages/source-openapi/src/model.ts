/**
 * The typed model of an API, independent of the spec dialect (Swagger 2.0, OpenAPI 3.0, 3.1).
 * Extraction fills it; templates render it. Every field a template needs is computed here, so
 * templates stay declarative and a user's override never has to understand `$ref`s.
 */

export type Dialect = 'swagger-2.0' | 'openapi-3.0' | 'openapi-3.1';

/** The fixed methods of a path item; `query` is OpenAPI 3.2's (a safe request with a body). */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A type as a small tree, so renderers can link named schemas wherever they appear. */
export type TypeExpr =
  | {
      kind: 'primitive';
      name: string;
      format?: string;
      nullable?: boolean;
      /** OpenAPI 3.1's `contentMediaType`: the document a string carries (`image/png`). */
      contentMediaType?: string;
      /** The one value a union's variant allows, as JSON (Stripe's `""`): shown instead of the type's name. */
      literal?: string;
    }
  | {
      kind: 'ref';
      schemaId: string;
      name: string;
      nullable?: boolean;
      circular?: boolean;
      /** `string (uuid)` when the named schema is a primitive (not when its name is that: `String`). */ primitive?: string;
      /** The component alias the `$ref` names (`UserCreationParams: { $ref: Pick_User… }`): shown, linked to the target. */
      alias?: string;
    }
  | {
      kind: 'array';
      items: TypeExpr;
      nullable?: boolean;
      /**
       * OpenAPI 3.1's `prefixItems`: the type of each leading position (a tuple such as `[lon, lat]`);
       * `items` is then what may follow, and `closed` says nothing may (`items: false`).
       */
      prefix?: TypeExpr[];
      closed?: boolean;
    }
  | { kind: 'map'; values: TypeExpr; nullable?: boolean }
  | { kind: 'composite'; keyword: 'oneOf' | 'anyOf' | 'allOf'; variants: TypeExpr[]; nullable?: boolean };

/** One row of a schema table: a property, possibly nested (`address.city`, `items[].id`). */
export interface SchemaField {
  /** Dotted path from the schema's root. */
  name: string;
  depth: number;
  type: TypeExpr;
  required: boolean;
  nullable: boolean;
  deprecated: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  description?: string;
  /** enum, format, default, min/max… in words. */
  constraints: string[];
  /** The field refers (directly or through others) back to the schema being shown. */
  circular: boolean;
  /** The field is one of a union's inline object variants: its place among them, 1 for the first. */
  variant?: number;
}

export interface SchemaView {
  type: TypeExpr;
  description?: string;
  fields: SchemaField[];
  /** For oneOf/anyOf: the alternatives, and how a discriminator picks one. */
  variants?: { keyword: 'oneOf' | 'anyOf'; types: TypeExpr[] };
  discriminator?: { propertyName: string; mapping: Array<{ value: string; type: TypeExpr }> };
  enum?: string[];
  /**
   * What the schema asks of the whole value, in short words: `no other properties`,
   * `properties ≥ 1`, `key pattern: …`, `not …`, `if … then …`, `always {…}` (JSON Schema 2020-12).
   */
  rules?: string[];
}

export interface NamedSchema extends SchemaView {
  /** Stable identity: `<file>#<pointer>` relative to the spec's folder. */
  id: string;
  name: string;
  /** Unique anchor on the schemas page. */
  anchor: string;
  /** Part of a reference cycle (rendered once, marked, never expanded forever). */
  circular: boolean;
  /** The cycle, as schema names, when circular: e.g. ['Node', 'Node'] or ['A', 'B', 'A']. */
  cycle?: string[];
  deprecated: boolean;
  /** The schema's `externalDocs`. */
  externalDocs?: ExternalDocs;
  example?: string;
  /** The code block language `example` is shown in: `json`, or `text` for a string of several lines. */
  exampleLanguage?: string;
  /** Whether docgen made `example` from the schema: the spec gives it none. */
  exampleGenerated?: boolean;
  /** Whether docgen put `example` together from the examples, defaults and enums of the schema's parts, making up no value. */
  exampleAssembled?: boolean;
  /** Operations that use this schema (anchor ids), for "used by" lists. */
  usedBy: string[];
  /** Component names that are only a `$ref` to this schema (`UserCreationParams: { $ref: … }`). */
  aliases?: string[];
}

export interface MediaContent {
  mediaType: string;
  schema?: SchemaView;
  /** The schema describes each item of a stream (OpenAPI 3.2's `itemSchema`: JSON Lines, server-sent events). */
  stream?: boolean;
  /** Pretty-printed example; `exampleGenerated` when docgen made it from the schema. */
  example?: string;
  exampleLanguage: string;
  exampleGenerated: boolean;
  /** `example` put together from the values the schema's parts give (examples, defaults, enums), none made up. */
  exampleAssembled: boolean;
  /** The web address the example is kept at (`externalValue`): linked to, never fetched. */
  exampleUrl?: string;
  /** Why there is no example where one was expected (an XML body whose schema names no element). */
  exampleNote?: string;
  /** A multipart body's example as the parts it is sent as (`example` keeps it as JSON data). */
  exampleParts?: FormPart[];
  /** The parts the curl example sends a multipart body as: `exampleParts`, or with no example each field of the schema. */
  sentParts?: FormPart[];
  /** A form-urlencoded example's `name=value` pairs, as its text sends them (curl's `--data-urlencode`). */
  sentFields?: Array<[string, string]>;
  /** With several named `examples`: the first one's name and summary, and the others. */
  exampleName?: string;
  exampleSummary?: string;
  moreExamples?: ShownExample[];
}

/** A named example as shown: its text in a code block of `language`, or the web address it is kept at. */
export interface ShownExample {
  name: string;
  summary?: string;
  example?: string;
  url?: string;
  language: string;
  /** A multipart body's example as the parts it is sent as. */
  parts?: FormPart[];
}

/** One part of a multipart body as it is sent: a file's bytes, or a value (text or JSON). */
export interface FormPart {
  name: string;
  contentType: string;
  file: boolean;
  /** A list of files: one part per file, each under this name. */
  repeated?: boolean;
  value?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  deprecated: boolean;
  description?: string;
  type: TypeExpr;
  constraints: string[];
  example?: string;
  /** The summary of the named example `example` is (`examples: { byId: { summary, value } }`). */
  exampleSummary?: string;
  /**
   * Its other named examples, with values other than `example`'s: DigitalOcean's image id is a
   * number (`62137902`) or a slug (`ubuntu-16-04-x64`). Values written as text (a list or an object
   * as JSON); the first few only (see `MORE_EXAMPLES`), `moreExamplesLeft` counting the rest.
   */
  moreExamples?: Array<{ value: string; summary?: string }>;
  moreExamplesLeft?: number;
  /** The web address its example is kept at (`externalValue: https://…`): linked to, never fetched. */
  exampleUrl?: string;
  /**
   * What the curl example sends when the spec gives no example: a value its schema allows
   * (`default`, else the first `enum` value). Not shown as an example.
   */
  sample?: string;
  /** The only value it may take (a one-value `enum`, or `const`): Azure's `api-version`. */
  constant?: string;
  /** The media type its value is written in, for one given by `content` (`application/json`), not by `schema`. */
  mediaType?: string;
  /**
   * A query or header parameter's list example as it travels: its items, and what joins them
   * (`,`, `|`, a space) or undefined when the parameter is repeated once per item (`?id=1&id=2`).
   */
  exampleList?: { items: string[]; separator?: string };
  /**
   * A query parameter's object example as it travels, as encoded `name=value` pairs: its
   * properties each a parameter of its own (`style: form`, exploded: `color=red&size=3`), or in
   * brackets (`style: deepObject`: `filter[color]=red`), or one parameter (`filter=color,red`).
   */
  exampleQuery?: string[];
  /** Declared on its path item, shared by the path's operations (Google's 11 standard query parameters), not by the operation itself. */
  shared?: boolean;
  /**
   * A header parameter named `Accept`, `Content-Type` or `Authorization` in an OpenAPI 3 spec,
   * which OpenAPI says to ignore (the responses', the body's media types and the security schemes
   * say those): listed with a note, not sent by the curl example (but see `sentAnyway`). Also a
   * response's header named `Content-Type`, which OpenAPI 3 ignores too (the response's media types
   * say it): listed with a note.
   */
  ignored?: boolean;
  /**
   * An ignored, required `Authorization` parameter of an operation with no security requirement:
   * all the spec says of its credentials, so the curl example sends it all the same, and its note
   * says so.
   */
  sentAnyway?: boolean;
}

export interface ResponseModel {
  status: string;
  description?: string;
  headers: Parameter[];
  contents: MediaContent[];
  /** OpenAPI 3 links: operations the response's values lead to. */
  links?: ResponseLink[];
}

export interface ResponseLink {
  name: string;
  operationId?: string;
  operationRef?: string;
  /** `userId = $response.body#/id`: the parameter and the runtime expression that fills it. */
  parameters: string[];
  description?: string;
}

export interface SecurityRequirement {
  /** Alternatives: any one of these sets satisfies the requirement. Each set needs all its schemes. */
  /** `roles`: the scheme is no OAuth 2.0 or OpenID Connect one, so its list names roles (OpenAPI 3.1), not scopes. */
  schemes: Array<{ name: string; scopes: string[]; roles?: boolean }>;
}

export interface Operation {
  /** Stable anchor id: from operationId, else method and path. Unique within the API. */
  anchor: string;
  method: string;
  /** Upper-case method, as shown in headings. */
  verb: string;
  /** The spec's own path (or the webhook name). */
  path: string;
  webhook: boolean;
  operationId?: string;
  summary?: string;
  description?: string;
  /** Its path item's `summary` and `description` (OpenAPI 3.x), said of every operation on the path. */
  pathSummary?: string;
  pathDescription?: string;
  /** The operation's `externalDocs`: where more documentation of it is. */
  externalDocs?: ExternalDocs;
  /**
   * The operation's own `servers`, else its path item's (OpenAPI 3.x): they replace the spec's
   * for it. Undefined when neither has any.
   */
  servers?: Server[];
  deprecated: boolean;
  /** Its navigation tags: the first names the page it is documented on. */
  tags: string[];
  /**
   * OpenAPI 3.2 tags of a kind other than navigation (`badge`, `audience`…): shown on the
   * operation as labels, by their display name, instead of becoming pages.
   */
  labels?: Array<{ kind: string; name: string }>;
  /** Undefined: none required. Otherwise alternatives (one of them is enough). */
  security?: SecurityRequirement[];
  /** Security explicitly optional (`{}` among the requirements). */
  securityOptional: boolean;
  parameters: Parameter[];
  requestBody?: { description?: string; required: boolean; contents: MediaContent[] };
  responses: ResponseModel[];
  curl?: string;
  /**
   * The `{placeholders}` its curl example leaves for the reader to fill, in the order it writes
   * them, as the curl builder put them there: the overview says what to replace from these, not
   * by reading the example back. None when it sends a value for everything.
   */
  curlPlaceholders?: CurlPlaceholder[];
  /**
   * The shell variables its curl example reads (`BASE_URL`, `TOKEN`, `API_KEY`…), as the curl
   * builder wrote them in: the overview says what to set from these, never by reading the example
   * back (whose bodies may hold a `$` of their own). None when it reads none.
   */
  curlVariables?: string[];
  /** The spec's own request examples per language (ReDoc's `x-codeSamples`, or `x-code-samples`). */
  codeSamples: CodeSample[];
  /**
   * An `examples` map written on the operation itself, where OpenAPI has no place for one
   * (hellosign's specs keep whole-request examples there): shown as written, since docgen cannot
   * tell a request's from a response's; neither the bodies nor the curl example use them.
   */
  operationExamples?: ShownExample[];
  /** Azure's `x-ms-pageable`: the list comes a page at a time, in `itemName`, the next page's URL in `nextLinkName`. */
  paging?: { itemName: string; nextLinkName: string };
  /** Azure's `x-ms-long-running-operation`: the work may go on after the response, to be polled. */
  longRunning: boolean;
  /**
   * Where a long-running operation's result comes from, as `x-ms-long-running-operation-options`'
   * `final-state-via` says (`azure-async-operation`, `location`, `original-uri`,
   * `operation-location`), else AutoRest's default for a PUT (`original-uri`) or a POST
   * (`location`); `stated` when the spec says it.
   */
  finalStateVia?: { value: string; stated: boolean };
  /** OpenAPI 3.x callbacks: requests the API makes to the caller after this operation. */
  callbacks: Callback[];
  /** Where in the spec it is defined, e.g. `#/paths/~1pets/get`. */
  pointer: string;
}

/**
 * A part of a curl example the reader must replace: a server variable with no default, a path
 * parameter, or a required query, header or cookie parameter with no value to send.
 */
export interface CurlPlaceholder {
  in: 'server' | 'path' | 'query' | 'header' | 'cookie';
  /** As the example writes it: `{petId}`, `status={status}`, `X-Request-Id: {X-Request-Id}`, `session={session}`. */
  text: string;
}

export interface Server {
  /** Each variable at its default (what curl starts from); a variable without one stays `{name}`. */
  url: string;
  /** The URL as written, its `{variables}` in place: only when a default filled one. */
  template?: string;
  description?: string;
  variables?: ServerVariable[];
}

export interface ServerVariable {
  name: string;
  default?: string;
  /** The values it may take (`enum`), if listed. */
  values?: string[];
  description?: string;
}

export interface CodeSample {
  /** What the reader sees: the sample's `label`, else its `lang`. */
  label: string;
  /** The `lang` as a code fence language (`C#` → `c#`, `Node.js` → `node.js`), if any. */
  language?: string;
  source: string;
}

export interface Callback {
  /** The callback's name in the spec, e.g. `onData`. */
  name: string;
  /** One per runtime expression and method, e.g. `POST {$request.query.callbackUrl}/data`. */
  requests: Operation[];
}

/** An `externalDocs` object: where more documentation is, and what it is. */
export interface ExternalDocs {
  url: string;
  description?: string;
}

export interface TagGroup {
  name: string;
  /** OpenAPI 3.2: the tag's `summary`, its name for display when given. */
  displayName?: string;
  /** OpenAPI 3.2: the name of the tag this one is nested under (its page goes under that tag's). */
  parent?: string;
  description?: string;
  /** The tag's `externalDocs`. */
  externalDocs?: ExternalDocs;
  /** Key segment, unique within the API. */
  slug: string;
  operations: Operation[];
}

export interface SecurityScheme {
  name: string;
  type: string;
  description?: string;
  /** What a caller sends, in words: `HTTP bearer (JWT)`, `API key in header X-API-Key`… */
  summary: string;
  /** OAuth 2.0: how a token is obtained, flow by flow, and the scopes it may carry. */
  oauth?: {
    flows: Array<{ flow: string; authorizationUrl?: string; tokenUrl?: string; refreshUrl?: string }>;
    scopes: Array<{ name: string; description?: string }>;
  };
}

export interface ApiModel {
  title: string;
  version: string;
  dialect: Dialect;
  specVersion: string;
  /** OpenAPI 3.1's `info.summary`: a line about the API, shown above its description. */
  summary?: string;
  description?: string;
  termsOfService?: string;
  contact?: { name?: string; url?: string; email?: string };
  license?: { name?: string; url?: string };
  /**
   * `url` with each variable at its default; `template`, the URL as written (`{region}` in place),
   * when a default filled one; `variables`, what else each one may be.
   */
  servers: Server[];
  securitySchemes: SecurityScheme[];
  /** Tags in spec order (declared tags first), each with its operations; untagged → "Other". */
  tags: TagGroup[];
  webhooks: Operation[];
  schemas: NamedSchema[];
  operationCount: number;
  /**
   * The API keys whose curl examples read a variable of their own, not $API_KEY: a requirement
   * naming several keys (a key id and a secret) sends each.
   */
  apiKeyVariables?: Array<{ scheme: string; variable: string }>;
  /** The root spec file, and every file its $refs reached. */
  file: string;
  files: string[];
  externalDocs?: ExternalDocs;
}
