// Whether the examples docgen makes up from a spec's schemas are valid for those schemas: every
// generated request and response body example (JSON media types), every named schema's example,
// and every parameter value a curl example sends for want of one in the spec (`sample`), each
// checked by Ajv against the schema it was made from. Prints each that is not, with why, and a
// count per spec; exits 1 when any is not.
//
//   npm run build && node tools/bench/openapi/validate-examples.mjs [spec…]   (default: the five corpus specs)
//
// One-file OpenAPI 3.x specs: a schema in another file, or a Swagger 2.0 body's, is counted as not
// checked. A discriminator is not applied: a oneOf whose branches share their properties may count
// an example as matching two. OpenAPI 3.0 schemas are read as JSON Schema with what differs mapped:
// a boolean `exclusiveMinimum`/`exclusiveMaximum`; `nullable` Ajv knows. A request leaves out
// read-only properties and a response write-only ones, as OpenAPI says, so a property so marked is
// not required in that direction. Unknown formats pass. A value the spec writes itself (an
// `example`, `default`) that breaks its schema is the spec's slip, not counted (see givenBySpec).
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const fromCore = createRequire(join(repo, 'packages/core/package.json'));
const Ajv = fromCore('ajv').default;
const addFormats = createRequire(join(repo, 'package.json'))('ajv-formats').default;
const { loadSpec, extractApi } = await import(pathToFileURL(join(repo, 'packages/source-openapi/dist/index.js')).href);

const corpus = join(repo, '..', 'shared', 'corpus', 'openapi');
const specs = process.argv.slice(2).length
  ? process.argv.slice(2).map((file) => resolve(file))
  : existsSync(corpus)
    ? readdirSync(corpus).map((name) => join(corpus, name))
    : [];
if (!specs.length) {
  console.error(`no spec given and no corpus at ${corpus}`);
  process.exit(2);
}

/** Every `example`, `default` and `examples` item (or named example's `value`) of the spec checked, as JSON text. */
let specValues = new Set();
let invalid = 0;
for (const file of specs) invalid += await check(file);
process.exit(invalid ? 1 : 0);

async function check(file) {
  const spec = await loadSpec(file);
  const api = extractApi(spec, { report: () => undefined });
  const document = spec.root.value;
  collectSpecValues(document);
  const validators = {
    request: validatorFor(document, 'request'),
    response: validatorFor(document, 'response'),
    both: validatorFor(document, undefined),
  };
  const failures = [];
  let checked = 0;
  let unchecked = 0;
  const validate = (label, direction, pointer, value, parameterText = false) => {
    // A parameter's value is text: valid when it is as text, or as the JSON it reads as.
    const values = parameterText ? [value, asData(value)] : [value];
    let errors;
    try {
      errors = values.map((candidate) => validators[direction](pointer, candidate));
    } catch {
      unchecked++; // a $ref Ajv cannot follow (another file)
      return;
    }
    checked++;
    if (errors.every(Boolean)) failures.push({ label, value, errors: errors.at(-1) });
  };
  for (const schema of api.schemas) {
    const [, pointer] = schema.id.split('#');
    if (schema.example !== undefined && schema.id.startsWith(`${file.split('/').pop()}#`))
      validate(`schema ${schema.name}`, 'both', pointer, asData(schema.example));
  }
  for (const operation of [...api.tags.flatMap((tag) => tag.operations), ...api.webhooks]) {
    const raw = at(document, operation.pointer.slice(1));
    const label = `${operation.verb} ${operation.path}`;
    for (const parameter of operation.parameters) {
      if (parameter.sample === undefined) continue;
      const pointer = parameterSchemaPointer(document, raw, operation.pointer.slice(1), parameter);
      if (!pointer) continue;
      if (parameter.exampleList)
        validate(`${label} parameter ${parameter.name}`, 'request', pointer, parameter.exampleList.items.map(asData));
      else validate(`${label} parameter ${parameter.name}`, 'request', pointer, parameter.sample, true);
    }
    const body = deref(document, raw?.requestBody, `${operation.pointer.slice(1)}/requestBody`);
    for (const content of operation.requestBody?.contents ?? [])
      bodyCheck(`${label} request ${content.mediaType}`, 'request', body, content);
    for (const response of operation.responses) {
      const rawResponse = deref(
        document,
        raw?.responses?.[response.status],
        `${operation.pointer.slice(1)}/responses/${escape(response.status)}`,
      );
      for (const content of response.contents)
        bodyCheck(`${label} response ${response.status} ${content.mediaType}`, 'response', rawResponse, content);
    }
  }
  function bodyCheck(label, direction, holder, content) {
    if (!content.exampleGenerated || !/json/.test(content.mediaType) || !holder) return;
    const pointer = `${holder.pointer}/content/${escape(content.mediaType)}/schema`;
    validate(label, direction, pointer, asData(content.example));
  }
  for (const { label, value, errors } of failures) {
    console.log(`✗ ${label}: ${errors}`);
    console.log(`    ${JSON.stringify(value).slice(0, 300)}`);
  }
  const notChecked = unchecked ? `, ${unchecked} not checked` : '';
  console.log(`${file.split('/').pop()}: ${checked} examples checked, ${failures.length} invalid${notChecked}`);
  return failures.length;
}

/** A function (schema pointer, value) → Ajv's errors as text, or undefined when valid. */
function validatorFor(document, direction) {
  const ajv = new Ajv({ logger: false, strict: false, allErrors: true, verbose: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(asJsonSchema(document, direction), 'spec');
  const compiled = new Map();
  return (pointer, value) => {
    const key = pointer;
    if (!compiled.has(key)) compiled.set(key, ajv.compile({ $ref: `spec#${pointer}` }));
    const validate = compiled.get(key);
    if (validate(value)) return undefined;
    // A value the spec gives itself (a property's `example`) that breaks its own schema is the
    // spec's slip, not docgen's: only errors at values docgen made up are counted.
    const made = validate.errors.filter(
      (error) => !ownExample(error.parentSchema, error.data) && !givenBySpec(value, error.instancePath),
    );
    return made.length ? ajv.errorsText(made) : undefined;
  };
}

/**
 * The spec as a JSON Schema document: OpenAPI 3.0's boolean exclusive bounds made numbers; in a
 * direction, its properties marked the other way (`readOnly` in a request) not required.
 */
function asJsonSchema(document, direction) {
  const skipped = direction === 'request' ? 'readOnly' : direction === 'response' ? 'writeOnly' : undefined;
  const walk = (node) => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const out = {};
    for (const [key, value] of Object.entries(node)) out[key] = walk(value);
    for (const [flag, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ])
      if (typeof out[flag] === 'boolean') {
        if (out[flag] && typeof out[bound] === 'number') out[flag] = out[bound];
        else delete out[flag];
        if (typeof out[flag] === 'number') delete out[bound];
      }
    if (skipped && Array.isArray(out.required) && out.properties && typeof out.properties === 'object')
      out.required = out.required.filter((name) => !marked(document, out.properties[name], skipped));
    return out;
  };
  return walk(document);
}

/** Whether `value` is the `example`, `default` or an `examples` item of the schema it broke. */
function ownExample(schema, value) {
  const given = [schema?.example, schema?.default, ...(Array.isArray(schema?.examples) ? schema.examples : [])];
  return given.some((example) => example !== undefined && JSON.stringify(example) === JSON.stringify(value));
}

/**
 * Whether a list or object holding the value at `instancePath` in `root` is one the spec writes
 * (an `example`, `default` or `examples` item anywhere in it): an example the spec gives that
 * breaks its own schema (Jira's `allowedValues: ["red", …]` of objects) is the spec's slip. A
 * plain value is not looked up so (`0`, `"string"` are written all over a spec).
 */
function givenBySpec(root, instancePath) {
  const keys = instancePath
    .split('/')
    .slice(1)
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (let length = keys.length; length >= 0; length--) {
    const value = keys.slice(0, length).reduce((node, key) => node?.[key], root);
    // Not `{}` or `[]`, which docgen makes up too.
    const text = value && typeof value === 'object' ? JSON.stringify(value) : '';
    if (text.length > 2 && specValues.has(text)) return true;
  }
  return false;
}

function collectSpecValues(document) {
  specValues = new Set();
  const walk = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    for (const key of ['example', 'default']) if (node[key] !== undefined) specValues.add(JSON.stringify(node[key]));
    if (Array.isArray(node.examples)) for (const item of node.examples) specValues.add(JSON.stringify(item));
    else if (node.examples && typeof node.examples === 'object')
      for (const item of Object.values(node.examples))
        if (item?.value !== undefined) specValues.add(JSON.stringify(item.value));
    Object.values(node).forEach(walk);
  };
  walk(document);
}

function marked(document, schema, flag) {
  const s = schema?.$ref?.startsWith('#/') ? at(document, schema.$ref.slice(1)) : schema;
  return s?.[flag] === true || schema?.[flag] === true;
}

/** The pointer of a parameter's schema (by its name and place), its `$ref` followed. */
function parameterSchemaPointer(document, rawOperation, operationPointer, parameter) {
  const pathPointer = operationPointer.replace(/\/[^/]+$/, '');
  const lists = [
    [rawOperation?.parameters, `${operationPointer}/parameters`],
    [at(document, pathPointer)?.parameters, `${pathPointer}/parameters`],
  ];
  for (const [list, listPointer] of lists)
    for (const [index, entry] of (list ?? []).entries()) {
      const p = deref(document, entry, `${listPointer}/${index}`);
      if (p?.value.name === parameter.name && (p.value.in ?? 'query') === parameter.in)
        return p.value.schema ? `${p.pointer}/schema` : undefined;
    }
  return undefined;
}

function asData(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `value` at `pointer`, its `$ref` (within the document) followed: { value, pointer }. */
function deref(document, value, pointer) {
  let seen = 0;
  while (value?.$ref?.startsWith('#/') && seen++ < 20) {
    pointer = value.$ref.slice(1);
    value = at(document, pointer);
  }
  return value === undefined ? undefined : { value, pointer };
}

function at(document, pointer) {
  return pointer
    .split('/')
    .slice(1)
    .reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
}

function escape(key) {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
