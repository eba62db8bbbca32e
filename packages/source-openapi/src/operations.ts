/**
 * One operation → the model, with everything it reads put together: its parameters, request body
 * and responses, callbacks (each an operation in turn), security, servers, tags and labels, code
 * samples and curl, Azure's paging and long-running results, examples written where OpenAPI has no
 * place for them, and the anchor its page section gets.
 */
import { anchorSlug, closestName } from '@docgen/core';
import type { SpecPointer, SpecSet } from './load.js';
import type { Callback, Operation, Parameter, SecurityRequirement, ShownExample } from './model.js';
import { child, stringifyExample } from './schemas.js';
import { externalDocsOf } from './external-docs.js';
import { type WalkContext, type Json, type PathItemAbout, deref, text, isPlainObject } from './walk.js';
import { operationServers } from './spec-servers.js';
import { requirements } from './security.js';
import { navigationAndLabels } from './tags.js';
import {
  type PathParameter,
  checkOperationIdUnique,
  mergeParameters,
  withoutRouteConstraints,
  pathParameterNames,
  undeclaredPathParameters,
  reportColonSegments,
  pathItemAbout,
  methodsOf,
  pathItemParameters,
} from './paths.js';
import { parameter } from './parameters.js';
import { EXAMPLE_VALUE_KEYS, exampleEntry } from './examples.js';
import {
  swaggerBody,
  swaggerFormBody,
  contentMedia,
  reportBodyWithoutSemantics,
  extractResponses,
  fileBody,
} from './bodies.js';
import { codeSamples, curl } from './code-samples.js';

// ---- operations ------------------------------------------------------------------------------

/** An operation's fields, OpenAPI 3.x's and Swagger 2.0's. */
const OPERATION_FIELDS = [
  'tags',
  'summary',
  'description',
  'externalDocs',
  'operationId',
  'parameters',
  'requestBody',
  'responses',
  'callbacks',
  'deprecated',
  'security',
  'servers',
  'consumes',
  'produces',
  'schemes',
];

/**
 * An operation's key a letter or two off one of its fields (`tag:`, `summry:`): a slip that would
 * leave the tags or the summary out without a word. Other keys (an organisation's own `owner:`,
 * extensions) are left alone, as OpenAPI tools leave them.
 */
function reportMisspeltFields(context: WalkContext, operation: Json, at: SpecPointer, label: string): void {
  for (const key of Object.keys(operation)) {
    if (key.startsWith('x-') || OPERATION_FIELDS.includes(key)) continue;
    const meant = closestName(key, OPERATION_FIELDS, key.length <= 4 ? 1 : 2);
    if (!meant || operation[meant] !== undefined) continue;
    context.report({
      code: 'DG_OPENAPI_UNKNOWN_FIELD',
      severity: 'warning',
      message: `${label} has "${key}", which is no field of an operation: it is left out`,
      ...context.spec.where(child(at, key)),
      hint: `did you mean ${meant}? rename "${key}" to "${meant}"`,
    });
  }
}

export function extractOperation(
  context: WalkContext,
  path: string,
  method: string,
  pathParameters: PathParameter[],
  operation: Json,
  at: SpecPointer,
  webhook: boolean,
  about: PathItemAbout = {},
): Operation {
  const { spec, dialect } = context;
  reportMisspeltFields(context, operation, at, `${method.toUpperCase()} ${path}`);
  if (typeof operation.operationId === 'string')
    checkOperationIdUnique(context, operation.operationId, child(at, 'operationId'), `${method.toUpperCase()} ${path}`);
  const rawParameters = mergeParameters(spec, pathParameters, operation, at);
  // One the operation writes again replaces the path item's: only those left are shared.
  const shared = new Set(pathParameters);
  // Without an operationId, the anchor is the path as requested: `{id:[0-9]{3}}` reads `{id}`, so
  // the anchor does not spell out the constraint and stays when the spec drops it.
  const requested = withoutRouteConstraints(path, pathParameterNames(rawParameters.map(({ raw }) => raw)));
  const anchor = uniqueAnchor(
    context,
    typeof operation.operationId === 'string' ? operation.operationId : `${method} ${requested}`,
  );
  const parameters: Parameter[] = [];
  let requestBody: Operation['requestBody'];
  const formFields: Array<{ raw: Json; at: SpecPointer }> = [];
  const bodyParameters: Array<{ raw: Json; at: SpecPointer }> = [];
  for (const entry of rawParameters) {
    const { raw, at: parameterAt } = entry;
    const where = raw.in;
    if (dialect === 'swagger-2.0' && where === 'body') {
      bodyParameters.push({ raw, at: parameterAt });
      continue;
    }
    if (dialect === 'swagger-2.0' && where === 'formData') {
      formFields.push({ raw, at: parameterAt });
      continue;
    }
    const read = parameter(context, raw, parameterAt, anchor);
    parameters.push(shared.has(entry) ? { ...read, shared: true } : read);
  }
  if (bodyParameters.length) requestBody = swaggerBody(context, operation, bodyParameters, anchor);
  if (formFields.length) requestBody = swaggerFormBody(context, operation, formFields, anchor);
  const openApiBody =
    dialect !== 'swagger-2.0' && operation.requestBody
      ? deref(spec, operation.requestBody, child(at, 'requestBody'))
      : undefined;
  // Nothing to send, nothing to document: the section and curl's Content-Type were noise (Stripe's GETs).
  const emptyOnly = openApiBody !== undefined && onlyEmptyBody(spec, (openApiBody.value ?? {}) as Json, openApiBody.at);
  if (openApiBody && !emptyOnly) {
    const body = (openApiBody.value ?? {}) as Json;
    const content = (body.content ?? {}) as Json;
    requestBody = {
      description: text(body.description),
      required: body.required === true,
      contents: contentMedia(context, content, child(openApiBody.at, 'content'), anchor, 'the request body'),
    };
  }
  const bodyAt =
    dialect === 'swagger-2.0'
      ? (bodyParameters[0] ?? formFields[0])?.at
      : operation.requestBody && !emptyOnly
        ? child(at, 'requestBody')
        : undefined;
  if (bodyAt && !webhook) reportBodyWithoutSemantics(context, method, path, bodyAt);
  if (!webhook) {
    parameters.push(...undeclaredPathParameters(context, method, path, parameters, at));
    reportColonSegments(context, method, path, parameters, at);
  }
  const responses = extractResponses(context, operation, at, anchor);
  const callbacks = dialect === 'swagger-2.0' ? [] : extractCallbacks(context, operation, at);
  const security = requirements(operation.security ?? context.document.security, context.roleSchemes);
  const result: Operation = {
    anchor,
    method,
    verb: method.toUpperCase(),
    path,
    webhook,
    operationId: typeof operation.operationId === 'string' ? operation.operationId : undefined,
    summary: text(operation.summary),
    description: text(operation.description),
    ...(about.summary && { pathSummary: about.summary }),
    ...(about.description && { pathDescription: about.description }),
    ...(externalDocsOf(operation.externalDocs) && { externalDocs: externalDocsOf(operation.externalDocs) }),
    ...operationServers(context, operation, about),
    deprecated: operation.deprecated === true,
    ...navigationAndLabels(context, Array.isArray(operation.tags) ? operation.tags.map(String) : []),
    security: security.required,
    securityOptional: security.optional,
    parameters: withCredentialsSent(parameters, security.required),
    requestBody,
    responses,
    codeSamples: codeSamples(context, operation, at),
    ...misplacedExamples(context, operation, at),
    callbacks,
    ...(paging(operation) && { paging: paging(operation) }),
    longRunning: operation['x-ms-long-running-operation'] === true,
    ...(operation['x-ms-long-running-operation'] === true && finalStateVia(operation, method)),
    pointer: `#${at.pointer}`,
  };
  if (!webhook) {
    const example = curl(context, result);
    result.curl = example.text;
    if (example.placeholders.length) result.curlPlaceholders = example.placeholders;
    if (example.variables.length) result.curlVariables = example.variables;
  }
  return result;
}

/**
 * The parameters, an ignored `Authorization` one marked as sent all the same where no security
 * requirement covers the operation: it is all the spec says of the credentials (Loket's 663
 * operations, each with a required `Authorization: Bearer …` parameter and no security scheme).
 * The curl example sends only required headers, so only a required one is.
 */
function withCredentialsSent(parameters: Parameter[], security: SecurityRequirement[] | undefined): Parameter[] {
  if (security?.length) return parameters;
  return parameters.map((p) =>
    p.ignored && p.required && p.name.toLowerCase() === 'authorization' ? { ...p, sentAnyway: true } : p,
  );
}

/**
 * An `examples` written on the operation object, where OpenAPI has no place for it (hellosign's
 * specs keep whole requests there, `{ body, query, … }`, for their SDK generator): warning
 * DG_OPENAPI_OPERATION_EXAMPLES at it, saying where examples belong. They are still shown, as
 * written, so nothing the writer meant is lost; docgen does not guess whether each is a request's
 * or a response's, so neither the bodies nor the curl example use them. Each entry may be an
 * Example object (a `$ref`, a `value`, an `externalValue`, read as a body's are) or the data itself;
 * a list is read as entries named by their position.
 */
function misplacedExamples(
  context: WalkContext,
  operation: Json,
  at: SpecPointer,
): Pick<Operation, 'operationExamples'> {
  const examples = operation.examples;
  if (examples === undefined) return {};
  const examplesAt = child(at, 'examples');
  context.report({
    code: 'DG_OPENAPI_OPERATION_EXAMPLES',
    severity: 'warning',
    message:
      '`examples` is written on the operation, where OpenAPI has no place for it, so most tools ignore it; docgen shows the examples as written, under "Examples (written on the operation)", and neither the bodies nor the curl example use them',
    ...context.spec.where(examplesAt),
    hint: "move each example to what it is an example of: `requestBody.content.<media type>.examples` for a request body, `responses.<status>.content.<media type>.examples` for a response, a parameter's `examples` for its value",
  });
  if (!examples || typeof examples !== 'object') return {};
  const entries = Array.isArray(examples)
    ? examples.map((entry, index) => [String(index), entry] as const)
    : Object.entries(examples as Json);
  const shown = entries.flatMap(([name, entry]): ShownExample[] => {
    const { value: found, at: entryAt } = deref(context.spec, entry, child(examplesAt, name));
    const isExampleObject =
      isPlainObject(found) && [...EXAMPLE_VALUE_KEYS, 'externalValue'].some((key) => found[key] !== undefined);
    // Not an Example object: the entry is the example's data.
    const example = isExampleObject
      ? exampleEntry(context, name, found, entryAt, 'the example is left out')
      : { name, value: found };
    if (!example) return [];
    if (example.url !== undefined) return [{ name, summary: example.summary, url: example.url, language: 'text' }];
    const { text, language } = example.file
      ? fileBody(example.value as string, 'text/plain', example.file.language)
      : typeof example.value === 'string'
        ? { text: example.value, language: 'text' }
        : { text: stringifyExample(example.value), language: 'json' };
    return text === undefined ? [] : [{ name, summary: example.summary, example: text, language }];
  });
  return shown.length ? { operationExamples: shown } : {};
}

/** Callbacks: a map of names to path-item-like maps keyed by runtime expressions. */
/**
 * Azure's `x-ms-pageable`: the items in `itemName` (default `value`), the next page's URL in
 * `nextLinkName`; a `nextLinkName: null` is a list that comes whole, so no paging to tell of.
 */
function paging(operation: Json): Operation['paging'] {
  const pageable = operation['x-ms-pageable'] as Json | undefined;
  if (!pageable || typeof pageable !== 'object' || typeof pageable.nextLinkName !== 'string') return undefined;
  return {
    itemName: typeof pageable.itemName === 'string' ? pageable.itemName : 'value',
    nextLinkName: pageable.nextLinkName,
  };
}

/**
 * Where a long-running operation's result is read once polling ends: the spec's
 * `x-ms-long-running-operation-options.final-state-via`, else what AutoRest's runtime does for a
 * PUT (a GET of the operation's own URL) or a POST (a GET of the `Location` URL). Other methods
 * have no documented default, so nothing is said of them.
 */
function finalStateVia(operation: Json, method: string): Pick<Operation, 'finalStateVia'> {
  const options = operation['x-ms-long-running-operation-options'] as Json | undefined;
  const stated = options && typeof options === 'object' ? options['final-state-via'] : undefined;
  if (typeof stated === 'string' && stated) return { finalStateVia: { value: stated, stated: true } };
  const byDefault = LONG_RUNNING_DEFAULTS[method.toLowerCase()];
  return byDefault ? { finalStateVia: { value: byDefault, stated: false } } : {};
}

const LONG_RUNNING_DEFAULTS: Record<string, string> = { put: 'original-uri', post: 'location' };

function extractCallbacks(context: WalkContext, operation: Json, at: SpecPointer): Callback[] {
  const raw = operation.callbacks;
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Json).map(([name, value]) => {
    const { value: callback, at: callbackAt } = deref(context.spec, value, child(at, 'callbacks', name));
    const requests: Operation[] = [];
    for (const [expression, itemRaw] of Object.entries((callback ?? {}) as Json)) {
      if (expression.startsWith('x-')) continue;
      const { value: item, at: itemAt } = deref(context.spec, itemRaw, child(callbackAt, expression));
      const about = pathItemAbout(context, itemRaw, item);
      for (const { method, operation: request, at: methodAt } of methodsOf(context, item, itemAt, expression))
        requests.push(
          extractOperation(
            context,
            expression,
            method,
            pathItemParameters(context.spec, item, itemAt),
            request,
            methodAt,
            true,
            about,
          ),
        );
    }
    return { name, requests };
  });
}

function uniqueAnchor(context: WalkContext, base: string): string {
  const slug = `op-${anchorSlug(base)}`;
  let anchor = slug;
  for (let n = 2; context.anchors.has(anchor); n++) anchor = `${slug}-${n}`;
  context.anchors.add(anchor);
  return anchor;
}

/**
 * An optional request body that can only be empty: every media type's schema an object with no
 * properties that allows none (`{ type: object, properties: {}, additionalProperties: false }`, as
 * Stripe's spec gives each GET and DELETE), no description and no example. The operation takes no
 * body in effect.
 */
function onlyEmptyBody(spec: SpecSet, body: Json, bodyAt: SpecPointer): boolean {
  if (body.required === true || text(body.description) || !isPlainObject(body.content)) return false;
  const media = Object.entries(body.content as Record<string, unknown>);
  return (
    media.length > 0 &&
    media.every(
      ([type, entry]) =>
        isPlainObject(entry) &&
        !('example' in entry) &&
        !('examples' in entry) &&
        emptyObjectSchema(spec, (entry as Json).schema, child(child(child(bodyAt, 'content'), type), 'schema')),
    )
  );
}

const EMPTY_OBJECT_KEYS = new Set(['type', 'properties', 'additionalProperties', 'description', 'title']);

function emptyObjectSchema(spec: SpecSet, raw: unknown, at: SpecPointer): boolean {
  const { value } = deref(spec, raw, at);
  if (!isPlainObject(value)) return false;
  const schema = value as Json;
  const properties = schema.properties;
  return (
    schema.type === 'object' &&
    schema.additionalProperties === false &&
    (properties === undefined || (isPlainObject(properties) && Object.keys(properties).length === 0)) &&
    Object.keys(schema).every((key) => EMPTY_OBJECT_KEYS.has(key))
  );
}
